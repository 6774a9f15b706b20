package io.openprofile.server.tenancy;

import jakarta.enterprise.context.RequestScoped;

/** Per-request values that the request filters resolve once: the tenant, the request id and the path. */
@RequestScoped
public class RequestContext {

    private Tenant tenant;
    private String requestId;
    private String path;

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

    /** Returns the request's path, or an empty string before the request filters ran. */
    public String path() {
        return path == null ? "" : path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
