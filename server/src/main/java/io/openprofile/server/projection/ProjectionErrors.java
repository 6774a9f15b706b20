package io.openprofile.server.projection;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import java.util.List;

/** The errors of the edge projection endpoints that more than one service raises. */
final class ProjectionErrors {

    private ProjectionErrors() {
    }

    /**
     * Creates the 409 for an optimistic update whose {@code currentVersion} is not the stored version.
     *
     * @param resource kind of the updated resource, such as {@code projection destination}
     */
    static DomainException versionConflict(String resource, String id, int storedVersion, int currentVersion) {
        return new DomainException(ErrorKind.CONFLICT, "VERSION_CONFLICT",
                "currentVersion must be the stored version " + storedVersion + " of " + resource + " " + id + ", got "
                        + currentVersion + "; read it again and retry",
                "currentVersion", Integer.toString(currentVersion));
    }

    /** Creates the 409 for a destination with the type and data centres of an existing one. */
    static DomainException destinationExists(Destination existing) {
        return new DomainException(ErrorKind.CONFLICT, "DESTINATION_EXISTS",
                "projection destination " + existing.id() + " already has type " + existing.type()
                        + " and data centres " + existing.dataCenters() + "; update it instead",
                "dataCenters", existing.dataCenters().toString());
    }

    /** Creates the 409 for deleting a destination that configurations still refer to. */
    static DomainException destinationInUse(String destinationId, List<String> projectionIds) {
        String example = projectionIds.isEmpty() ? "" : ", such as " + projectionIds.get(0);
        String count = projectionIds.isEmpty() ? "a" : Integer.toString(projectionIds.size());
        return new DomainException(ErrorKind.CONFLICT, "DESTINATION_IN_USE",
                "projection destination " + destinationId + " is still used by " + count
                        + " projection configuration(s)" + example
                        + "; delete them or point them to another destination first",
                "destinationId", destinationId);
    }

    /** Creates the 422 for a configuration that names a destination the sandbox does not have. */
    static DomainException destinationNotFound(String destinationId) {
        return new DomainException(ErrorKind.UNPROCESSABLE, "DESTINATION_NOT_FOUND",
                "destinationId '" + destinationId + "' is not a projection destination of this sandbox; "
                        + "create the destination first",
                "destinationId", destinationId);
    }

    /** Creates the 409 for a configuration name that its class already uses. */
    static DomainException projectionExists(String schemaName, String name) {
        return new DomainException(ErrorKind.CONFLICT, "PROJECTION_EXISTS",
                "a projection configuration named '" + name + "' already exists for " + schemaName
                        + "; choose another name or update it",
                "name", name);
    }
}
