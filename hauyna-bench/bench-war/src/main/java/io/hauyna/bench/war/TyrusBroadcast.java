package io.hauyna.bench.war;

import jakarta.websocket.Session;
import org.glassfish.tyrus.core.TyrusSession;

/**
 * {@code tyrus-broadcast}: Tyrus frames the message once and writes it to every open session of the
 * endpoint. Loaded only when a frame asks for it, so that servers without Tyrus never resolve it.
 */
final class TyrusBroadcast {

    private TyrusBroadcast() {
    }

    /** @return {@code true} if the session belongs to Tyrus and the broadcast was started */
    static boolean broadcast(Session anySessionOfTheEndpoint, String payload) {
        try {
            if (!(anySessionOfTheEndpoint instanceof TyrusSession tyrus)) {
                return false;
            }
            tyrus.broadcast(payload);
            return true;
        } catch (LinkageError notTyrus) {
            // The server does not run Tyrus, or hides it from applications.
            return false;
        }
    }
}
