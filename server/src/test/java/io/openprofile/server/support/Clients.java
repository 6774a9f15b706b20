package io.openprofile.server.support;

import io.openprofile.client.ApiClient;
import org.eclipse.microprofile.config.ConfigProvider;

/** Generated-client instances pointed at the test server, with the platform headers set once. */
public final class Clients {

    private Clients() {
    }

    /** A client for {@code sandbox} on the running test server. */
    public static ApiClient forSandbox(String sandbox) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request
                .header("Authorization", "Bearer " + Api.TOKEN)
                .header("x-api-key", Api.API_KEY)
                .header("x-gw-ims-org-id", Api.ORG)
                .header("x-sandbox-name", sandbox));
        return client;
    }
}
