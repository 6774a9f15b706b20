package io.openprofile.server.security;

import java.util.Optional;

/**
 * Decides whether a bearer token and API key may act for an organisation.
 *
 * <p>The server ships {@link ConfiguredCredentialVerifier}; an operator who needs another source
 * of truth (an identity provider, a key service) provides a CDI bean of this type instead.
 */
public interface CredentialVerifier {

    /** Outcome of a failed check, each with Adobe's gateway error code. */
    enum Failure {
        TOKEN_INVALID("401013", "Oauth token is not valid"),
        API_KEY_INVALID("403003", "Api Key is invalid"),
        ORG_NOT_ALLOWED("403025", "Profile is not valid");

        private final String code;
        private final String message;

        Failure(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    /** Checks present, non-blank credentials; returns the first failure, or empty when accepted. */
    Optional<Failure> verify(String token, String apiKey, String orgId);
}
