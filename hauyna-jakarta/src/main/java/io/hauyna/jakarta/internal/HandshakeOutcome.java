package io.hauyna.jakarta.internal;

import io.hauyna.jakarta.Handshake;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the handshake pipeline decided for one upgrade: refused with an HTTP status, or accepted
 * with an identity (empty for anonymous), a credential expiry and the filters' attachments.
 * Travels from the configurator to registration in the session's user properties.
 */
record HandshakeOutcome(String requestPath, String route, int status, String reason, Optional<String> identifier,
                        Instant credentialsExpireAt, Map<String, Object> attachments) {

    static final String USER_PROPERTY = HandshakeOutcome.class.getName();

    static HandshakeOutcome refused(Handshake handshake, int status, String reason) {
        return new HandshakeOutcome(handshake.requestUri().getRawPath(), handshake.route(), status, reason, Optional.empty(), null, Map.of());
    }

    static HandshakeOutcome accepted(Handshake handshake, Optional<String> identifier, Instant credentialsExpireAt,
                                     Map<String, Object> attachments) {
        return new HandshakeOutcome(handshake.requestUri().getRawPath(), handshake.route(), 0, "", identifier, credentialsExpireAt,
                Map.copyOf(attachments));
    }

    boolean isRefused() {
        return status != 0;
    }
}
