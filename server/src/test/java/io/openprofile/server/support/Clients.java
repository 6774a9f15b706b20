package io.openprofile.server.support;

import io.openprofile.client.ApiClient;
import io.openprofile.client.auth.ApiKeyAuth;
import io.restassured.RestAssured;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * Generated-client instances pointed at the test server. The four platform headers are security
 * schemes of the contract, so they are set once on the {@link ApiClient}.
 */
public final class Clients {

    private Clients() {
    }

    /** Creates a client for {@code sandbox} on the running test server. */
    public static ApiClient forSandbox(String sandbox) {
        return forSandbox(sandbox, HttpClients.createDefault());
    }

    /** Creates a client for {@code sandbox} that sends its requests through {@code http}, which may record them. */
    public static ApiClient forSandbox(String sandbox, CloseableHttpClient http) {
        // Quarkus points REST Assured at the application under test, in-process or packaged.
        ApiClient client = new ApiClient(http);
        client.setBasePath("http://localhost:" + RestAssured.port);
        client.setBearerToken(Api.TOKEN);
        ((ApiKeyAuth) client.getAuthentication("apiKey")).setApiKey(Api.API_KEY);
        ((ApiKeyAuth) client.getAuthentication("imsOrg")).setApiKey(Api.ORG);
        ((ApiKeyAuth) client.getAuthentication("sandbox")).setApiKey(sandbox);
        return client;
    }
}
