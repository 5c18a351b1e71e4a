package io.hauyna.jakarta.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the handshake pipeline decided for one upgrade: refused with an HTTP status, or accepted
 * with an identity (empty for anonymous), a credential expiry and the filters' attachments.
 * Travels from the configurator to registration in the session's user properties.
 */
record HandshakeOutcome(String requestPath, int status, String reason, Optional<String> identifier,
                        Instant credentialsExpireAt, Map<String, Object> attachments) {

    static final String USER_PROPERTY = HandshakeOutcome.class.getName();

    static HandshakeOutcome refused(String requestPath, int status, String reason) {
        return new HandshakeOutcome(requestPath, status, reason, Optional.empty(), null, Map.of());
    }

    static HandshakeOutcome accepted(String requestPath, Optional<String> identifier, Instant credentialsExpireAt,
                                     Map<String, Object> attachments) {
        return new HandshakeOutcome(requestPath, 0, "", identifier, credentialsExpireAt, Map.copyOf(attachments));
    }

    boolean isRefused() {
        return status != 0;
    }
}
