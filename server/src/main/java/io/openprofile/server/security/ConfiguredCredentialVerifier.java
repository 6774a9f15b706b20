package io.openprofile.server.security;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Accepts the tokens, API keys and organisations listed in the configuration. */
@DefaultBean
@ApplicationScoped
public class ConfiguredCredentialVerifier implements CredentialVerifier {

    private final Set<String> tokens;
    private final Set<String> apiKeys;
    private final Set<String> orgs;

    ConfiguredCredentialVerifier(
            @ConfigProperty(name = "openprofile.auth.tokens") List<String> tokens,
            @ConfigProperty(name = "openprofile.auth.api-keys") List<String> apiKeys,
            @ConfigProperty(name = "openprofile.auth.orgs") Optional<List<String>> orgs) {
        this.tokens = Set.copyOf(tokens);
        this.apiKeys = Set.copyOf(apiKeys);
        this.orgs = Set.copyOf(orgs.orElse(List.of()));
    }

    @Override
    public Optional<Failure> verify(String token, String apiKey, String orgId) {
        if (!tokens.contains(token)) {
            return Optional.of(Failure.TOKEN_INVALID);
        }
        if (!apiKeys.contains(apiKey)) {
            return Optional.of(Failure.API_KEY_INVALID);
        }
        if (!orgs.isEmpty() && !orgs.contains(orgId)) {
            return Optional.of(Failure.ORG_NOT_ALLOWED);
        }
        return Optional.empty();
    }
}
