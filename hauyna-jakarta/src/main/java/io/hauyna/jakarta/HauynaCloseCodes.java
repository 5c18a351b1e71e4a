package io.hauyna.jakarta;

import jakarta.websocket.CloseReason.CloseCode;
import jakarta.websocket.CloseReason.CloseCodes;

/**
 * The WebSocket close codes Hauyna itself uses, so that clients can tell a temporary condition
 * (reconnect) from a refusal (do not). Listed with their meaning in {@code docs/PROTOCOL.md}.
 *
 * @since 0.1
 */
public final class HauynaCloseCodes {

    /**
     * 1013 (Try Again Later): the client read too slowly and its outbound queue overflowed under
     * {@link OverflowPolicy#CLOSE}. Reconnecting is fine.
     */
    public static final CloseCode SLOW_CONSUMER = CloseCodes.TRY_AGAIN_LATER;

    /**
     * 1008 (Policy Violation): the handshake was refused after the WebSocket opened, which happens
     * only where no servlet filter sees the upgrade (elsewhere the client gets HTTP 401/403/429
     * instead): nothing identified the connection and anonymous connections are not allowed
     * ({@link HauynaConfigKeys#IDENTITY_ALLOW_ANONYMOUS}), the token was invalid, the origin or a
     * {@link io.hauyna.jakarta.spi.HandshakeFilter} refused it. The reason phrase says which.
     * Reconnecting unchanged will fail again.
     */
    public static final CloseCode HANDSHAKE_REFUSED = CloseCodes.VIOLATED_POLICY;

    /** The same code as {@link #HANDSHAKE_REFUSED}, under the name it had before handshake filters existed. */
    public static final CloseCode AUTHENTICATION_REQUIRED = HANDSHAKE_REFUSED;

    /**
     * 4000 (private use): the client sent nothing and answered no ping within the heartbeat
     * timeout ({@link HauynaConfigKeys#HEARTBEAT_TIMEOUT}). A live client may reconnect at once.
     */
    public static final CloseCode HEARTBEAT_TIMEOUT = CloseCodes.getCloseCode(4000);

    /**
     * 4001 (private use): the credential the connection was opened with (a
     * {@link io.hauyna.jakarta.spi.TokenVerifier} token) has expired. Reconnect with a fresh one.
     */
    public static final CloseCode CREDENTIALS_EXPIRED = CloseCodes.getCloseCode(4001);

    /**
     * 4029 (private use, after HTTP 429): the client kept sending over its rate limit after
     * {@link HauynaConfigKeys#RATE_LIMIT_BURST} refusals in a row. Reconnect only after slowing down.
     */
    public static final CloseCode RATE_LIMIT_EXCEEDED = CloseCodes.getCloseCode(4029);

    /**
     * 4030 (private use): the connection would exceed {@link HauynaConfigKeys#LIMITS_CONNECTIONS_PER_IDENTIFIER}
     * or {@link HauynaConfigKeys#LIMITS_CONNECTIONS_TOTAL}; the reason phrase says which. Sent right
     * after the upgrade, before the endpoint sees the connection. Reconnect after closing another
     * tab, or later.
     */
    public static final CloseCode TOO_MANY_CONNECTIONS = CloseCodes.getCloseCode(4030);

    private HauynaCloseCodes() {
    }
}
