package io.hauyna.jakarta.internal.handshake;

import io.hauyna.jakarta.Handshake;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the handshake pipeline decided for one upgrade: refused with an HTTP status, or accepted
 * with an identity (empty for anonymous), a credential expiry, the filters' attachments and the
 * client's address ({@code null} when unknown).
 * Travels from the configurator to registration in the session's user properties.
 */
public record HandshakeOutcome(String requestPath, String route, int status, String reason, Optional<String> identifier,
                        Instant credentialsExpireAt, Map<String, Object> attachments, String clientAddress) {

    static HandshakeOutcome refused(Handshake handshake, int status, String reason) {
        return new HandshakeOutcome(handshake.requestUri().getRawPath(), handshake.route(), status, reason, Optional.empty(), null,
                Map.of(), null);
    }

    static HandshakeOutcome accepted(Handshake handshake, Optional<String> identifier, Instant credentialsExpireAt,
                                     Map<String, Object> attachments) {
        return new HandshakeOutcome(handshake.requestUri().getRawPath(), handshake.route(), 0, "", identifier, credentialsExpireAt,
                Map.copyOf(attachments), null);
    }

    /** @param address the client's address (behind trusted proxies), or {@code null} when unknown */
    HandshakeOutcome from(String address) {
        return new HandshakeOutcome(requestPath, route, status, reason, identifier, credentialsExpireAt, attachments, address);
    }

    public boolean isRefused() {
        return status != 0;
    }
}
