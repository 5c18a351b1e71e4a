package io.hauyna.jakarta.spi;

import java.util.Optional;

/**
 * Verifies a bearer token sent with the upgrade request and says whose it is. Implement it as a
 * CDI bean to accept tokens (signed JWTs, opaque tokens checked against a store, HMAC-signed
 * tokens as in the sample application); without such a bean Hauyna ignores tokens.
 *
 * <p>Hauyna looks for the token, in this order, in: the {@code Authorization: Bearer <token>}
 * header (non-browser clients); a {@code Sec-WebSocket-Protocol} entry {@code bearer.<token>}
 * (browsers, which cannot set headers: {@code new WebSocket(url, ["hauyna", "bearer." + token])};
 * Hauyna then selects the {@code hauyna} subprotocol, never the token); the query parameter named
 * by {@link io.hauyna.jakarta.HauynaConfigKeys#IDENTITY_TOKEN_QUERY_PARAMETER} (default
 * {@code access_token}; query strings end up in access logs, so prefer the subprotocol).
 *
 * <p>A request with a token that does not verify is refused with HTTP 401 before the WebSocket
 * opens. A request without a token goes on to the {@link IdentifierResolver}s. A verified token's
 * identifier wins over every resolver. When the token expires, Hauyna closes the connection with
 * {@link io.hauyna.jakarta.HauynaCloseCodes#CREDENTIALS_EXPIRED}; the client reconnects with a
 * fresh token.
 *
 * <p>Called on the container's request thread, once per upgrade; must be thread-safe.
 *
 * @since 0.1
 */
public interface TokenVerifier {

    /**
     * @param token the token as sent, without {@code Bearer } or {@code bearer.}
     * @return whose token it is and until when, or empty when it is not valid (bad signature,
     *         expired, wrong audience): the upgrade is then refused with 401
     */
    Optional<VerifiedToken> verify(String token);
}
