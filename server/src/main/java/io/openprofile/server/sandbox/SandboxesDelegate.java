package io.openprofile.server.sandbox;

import io.openprofile.server.api.SandboxesApi;
import io.openprofile.server.api.model.Sandbox;
import io.openprofile.server.api.model.SandboxAction;
import io.openprofile.server.api.model.SandboxCreate;
import io.openprofile.server.api.model.SandboxList;
import io.openprofile.server.api.model.SandboxPage;
import io.openprofile.server.tenancy.RequestContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Adobe's Sandbox API at {@code /data/foundation/sandbox-management/sandboxes}, for the caller's organization. */
public class SandboxesDelegate implements SandboxesApi {

    private final SandboxAdminService sandboxes;
    private final RequestContext context;

    SandboxesDelegate(SandboxAdminService sandboxes, RequestContext context) {
        this.sandboxes = sandboxes;
        this.context = context;
    }

    @Override
    public RestResponse<SandboxList> listSandboxes() {
        List<Sandbox> all = sandboxes.list(orgId()).stream().map(SandboxesDelegate::toModel).toList();
        return RestResponse.ok(new SandboxList().sandboxes(all).page(new SandboxPage().count(all.size())));
    }

    @Override
    public RestResponse<Sandbox> createSandbox(SandboxCreate request) {
        SandboxInfo created = sandboxes.create(orgId(), request.getName(), request.getTitle(),
                request.getType().value());
        return RestResponse.status(RestResponse.Status.ACCEPTED, toModel(created));
    }

    @Override
    public RestResponse<Sandbox> getSandbox(String sandboxName) {
        return RestResponse.ok(toModel(sandboxes.get(orgId(), sandboxName)));
    }

    @Override
    public RestResponse<Sandbox> resetSandbox(String sandboxName, SandboxAction action) {
        return RestResponse.status(RestResponse.Status.ACCEPTED, toModel(sandboxes.clear(orgId(), sandboxName,
                false)));
    }

    @Override
    public RestResponse<Sandbox> deleteSandbox(String sandboxName) {
        return RestResponse.status(RestResponse.Status.ACCEPTED, toModel(sandboxes.clear(orgId(), sandboxName,
                true)));
    }

    private String orgId() {
        return context.tenant().orgId();
    }

    private static Sandbox toModel(SandboxInfo sandbox) {
        long modified = sandbox.updatedAt() == null ? sandbox.createdAt() : sandbox.updatedAt();
        return new Sandbox()
                .name(sandbox.name())
                .title(sandbox.shownTitle())
                .state(Sandbox.StateEnum.fromValue(sandbox.shownState()))
                .type(Sandbox.TypeEnum.fromValue(sandbox.shownType()))
                .isDefault(SandboxInfo.PRODUCTION_NAME.equals(sandbox.name()))
                .region("local")
                .createdDate(OffsetDateTime.ofInstant(Instant.ofEpochMilli(sandbox.createdAt()), ZoneOffset.UTC))
                .lastModifiedDate(OffsetDateTime.ofInstant(Instant.ofEpochMilli(modified), ZoneOffset.UTC));
    }
}
