package io.openprofile.server.tenancy;

import jakarta.enterprise.context.RequestScoped;

/** Per-request values that the gateway filter resolves once: the tenant and the request id. */
@RequestScoped
public class RequestContext {

    private Tenant tenant;
    private String requestId;

    /** Returns the caller's tenant; fails when the gateway filter has not run for this request. */
    public Tenant tenant() {
        if (tenant == null) {
            throw new IllegalStateException("no tenant resolved for this request");
        }
        return tenant;
    }

    public void setTenant(Tenant tenant) {
        this.tenant = tenant;
    }

    public String requestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }
}
