package io.hauyna.jakarta.internal.handshake;

import io.hauyna.jakarta.Handshake;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Finds a bearer token in an upgrade request, where {@link io.hauyna.jakarta.spi.TokenVerifier} documents. */
final class BearerTokens {

    static final String SUBPROTOCOL_PREFIX = "bearer.";
    private static final String AUTHORIZATION_SCHEME = "bearer ";

    private BearerTokens() {
    }

    static Optional<String> find(Handshake handshake, Optional<String> queryParameter) {
        Optional<String> header = handshake.header("Authorization")
                .filter(value -> value.toLowerCase(Locale.ROOT).startsWith(AUTHORIZATION_SCHEME))
                .map(value -> value.substring(AUTHORIZATION_SCHEME.length()).trim());
        if (header.isPresent()) {
            return header.filter(token -> !token.isEmpty());
        }
        Optional<String> subprotocol = handshake.headers().getOrDefault("Sec-WebSocket-Protocol", java.util.List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(entry -> entry.startsWith(SUBPROTOCOL_PREFIX) && entry.length() > SUBPROTOCOL_PREFIX.length())
                .map(entry -> entry.substring(SUBPROTOCOL_PREFIX.length()))
                .findFirst();
        if (subprotocol.isPresent()) {
            return subprotocol;
        }
        return queryParameter.flatMap(handshake::queryParameter).filter(token -> !token.isEmpty());
    }
}
