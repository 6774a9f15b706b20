package io.openprofile.server.identity;

import io.openprofile.server.api.IdentityNamespacesApi;
import io.openprofile.server.api.model.NamespaceCreate;
import io.openprofile.server.tenancy.RequestContext;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Identity Service namespace endpoints over {@link NamespaceService}. */
public class NamespacesDelegate implements IdentityNamespacesApi {

    private final NamespaceService namespaces;
    private final RequestContext context;

    NamespacesDelegate(NamespaceService namespaces, RequestContext context) {
        this.namespaces = namespaces;
        this.context = context;
    }

    @Override
    public RestResponse<List<io.openprofile.server.api.model.Namespace>> listNamespaces() {
        return RestResponse.ok(namespaces.list(context.tenant()).stream()
                .map(NamespacesDelegate::toModel)
                .toList());
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.Namespace> createNamespace(NamespaceCreate request) {
        NamespaceRepository.StoredNamespace created = namespaces.create(context.tenant(), request.getName(),
                request.getCode(), request.getIdType(), request.getDescription());
        return RestResponse.ok(toModel(created));
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.Namespace> getNamespace(String id) {
        return RestResponse.ok(toModel(namespaces.get(context.tenant(), id)));
    }

    private static io.openprofile.server.api.model.Namespace toModel(NamespaceRepository.StoredNamespace stored) {
        Namespace namespace = stored.namespace();
        return new io.openprofile.server.api.model.Namespace()
                .id(namespace.id())
                .code(namespace.code())
                .name(namespace.name())
                .description(namespace.description())
                .idType(namespace.idType())
                .namespaceType(namespace.custom() ? "Custom" : "Standard")
                .custom(namespace.custom())
                .status("ACTIVE")
                .createTime(stored.createdAt())
                .updateTime(stored.updatedAt());
    }
}
