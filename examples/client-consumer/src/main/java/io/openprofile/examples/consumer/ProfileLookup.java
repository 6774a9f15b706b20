package io.openprofile.examples.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.client.ApiException;
import io.openprofile.client.sdk.NotFoundException;
import io.openprofile.client.sdk.OpenProfileClient;
import io.openprofile.client.sdk.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Looks up one merged profile by an identity, the smallest use of the client in a service.
 *
 * <p>Run it with the server's base URL, an identity value and its namespace, for example
 * {@code http://localhost:8080 jane@example.com Email}. It uses the development credentials of a
 * fresh server and the sandbox {@code prod}.
 */
public final class ProfileLookup {

    private static final String PROFILE_CLASS = "_xdm.context.profile";

    private ProfileLookup() {
    }

    /** Creates a client for {@code baseUrl} with the development credentials of a fresh server. */
    public static OpenProfileClient connect(String baseUrl) {
        return OpenProfileClient.builder()
                .baseUrl(baseUrl)
                .bearerToken("dev-token")
                .apiKey("dev-api-key")
                .imsOrg("ACME@AdobeOrg")
                .sandbox("prod")
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
                .build();
    }

    /**
     * Returns the merged profile that has {@code identity} in {@code namespace}, or empty when no
     * profile carries that identity.
     */
    public static Optional<JsonNode> findProfile(OpenProfileClient client, String identity, String namespace)
            throws ApiException {
        ObjectNode byEntityId;
        try {
            byEntityId = client.entities().getEntities(PROFILE_CLASS, identity, namespace, null, null, null, null,
                    null, null, null, null, null, null, null, null, null);
        } catch (NotFoundException noProfile) {
            return Optional.empty();
        }
        // The response is keyed by the profile's entity id, which the caller does not know yet.
        return byEntityId.isEmpty() ? Optional.empty() : Optional.of(byEntityId.elements().next());
    }

    public static void main(String[] args) throws ApiException, IOException {
        if (args.length != 3) {
            System.err.println("usage: ProfileLookup <base URL> <identity value> <namespace code>");
            System.exit(2);
        }
        try (OpenProfileClient client = connect(args[0])) {
            Optional<JsonNode> profile = findProfile(client, args[1], args[2]);
            System.out.println(profile.map(JsonNode::toPrettyString)
                    .orElse("no profile has identity " + args[1] + " in namespace " + args[2]));
        }
    }
}
