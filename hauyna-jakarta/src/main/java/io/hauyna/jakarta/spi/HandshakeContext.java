package io.hauyna.jakarta.spi;

import io.hauyna.jakarta.Handshake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One upgrade request as {@link HandshakeFilter}s see it: the full {@link Handshake} (headers,
 * query and path parameters, principal), the client's address, and data to attach to the
 * connection. Not thread-safe: one context per upgrade, used on the request's thread.
 *
 * @since 0.1
 */
public final class HandshakeContext {

    private final Handshake handshake;
    private final String remoteAddress;
    private final Map<String, Object> attachments = new LinkedHashMap<>();

    /**
     * @param handshake     the upgrade request
     * @param remoteAddress the client's IP address, or {@code null} when the container does not tell
     */
    public HandshakeContext(Handshake handshake, String remoteAddress) {
        this.handshake = Objects.requireNonNull(handshake, "handshake");
        this.remoteAddress = remoteAddress;
    }

    /** @return the upgrade request: route, path and query parameters, every header, principal */
    public Handshake handshake() {
        return handshake;
    }

    /**
     * @return the client's IP address: the peer's as the container saw it, or, when the peer is one
     *         of {@link io.hauyna.jakarta.HauynaConfigKeys#LIMITS_TRUSTED_PROXIES}, the address that
     *         proxy forwarded (since 0.2; without that key, a proxy's own address); empty where the
     *         container does not expose it
     */
    public Optional<String> remoteAddress() {
        return Optional.ofNullable(remoteAddress);
    }

    /**
     * Attaches a value to the connection that will open: it becomes an entry of
     * {@link io.hauyna.jakarta.Connection#metadata()}. A later filter may replace it.
     *
     * @param key   the metadata key, not {@code null}
     * @param value the value, not {@code null}
     */
    public void attach(String key, Object value) {
        attachments.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    /** @return what filters attached so far, in order; empty when nothing */
    public Map<String, Object> attachments() {
        return Collections.unmodifiableMap(attachments);
    }
}
