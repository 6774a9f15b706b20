package io.openprofile.server.streaming;

import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for streaming connections. Ids are global, because collection requests carry no tenant. */
@ApplicationScoped
public class StreamingConnectionRepository {

    public void insert(Connection connection, StreamingConnection inlet) throws SQLException {
        Sql.update(connection, "INSERT INTO streaming_connection (id, org_id, sandbox_name, dataset_id, name, "
                + "authentication_required, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                inlet.id(), inlet.tenant().orgId(), inlet.tenant().sandboxName(), inlet.datasetId(), inlet.name(),
                inlet.authenticationRequired(), inlet.createdAt());
    }

    public Optional<StreamingConnection> find(Connection connection, String id) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM streaming_connection WHERE id = ?",
                StreamingConnectionRepository::map, id);
    }

    public List<StreamingConnection> list(Connection connection, Tenant tenant) throws SQLException {
        return Sql.query(connection, "SELECT * FROM streaming_connection WHERE org_id = ? AND sandbox_name = ? "
                + "ORDER BY created_at, id", StreamingConnectionRepository::map, tenant.orgId(), tenant.sandboxName());
    }

    private static StreamingConnection map(ResultSet row) throws SQLException {
        return new StreamingConnection(row.getString("id"),
                new Tenant(row.getString("org_id"), row.getString("sandbox_name")), row.getString("dataset_id"),
                row.getString("name"), row.getBoolean("authentication_required"), row.getLong("created_at"));
    }
}
