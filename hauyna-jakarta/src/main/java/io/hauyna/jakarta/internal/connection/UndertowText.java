package io.hauyna.jakarta.internal.connection;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes to an Undertow connection (WildFly) the UTF-8 bytes an {@link EncodedMessage} encoded once
 * for the whole fan-out, through Undertow's own {@code WebSockets.sendText(ByteBuffer, …)}, the call
 * its {@code RemoteEndpoint.Async.sendText(String, SendHandler)} makes after encoding the text again
 * for each recipient.
 *
 * <p>Why: on WildFly the per-recipient encoding is a new array as large as the message for every
 * delivery (40 MB of garbage for one 4 KiB broadcast to 10,000 subscribers), and it was most of
 * what Hauyna spent above a hand-written {@code getAsyncRemote()} loop. Everything else is Undertow's
 * path unchanged: frames, negotiated extensions and the session's idle timeout are handled below
 * this call, and the completion reaches the {@link SendHandler} through Undertow's own adapter.
 *
 * <p>Reached by reflection through the session's class loader, since a deployment does not see
 * Undertow's classes; looked up once, so that an Undertow that looks different logs one warning and
 * every connection uses {@code sendText}.
 */
final class UndertowText implements MessageWriter {

    private static final Logger LOG = Logger.getLogger(UndertowText.class.getName());
    private static final String SESSION = "io.undertow.websockets.jsr.UndertowSession";

    /** Looked up with the first Undertow session; {@link Access#NONE} when that failed. */
    private static volatile Access access;

    private final Access found;
    private final Object channel;

    private UndertowText(Access found, Object channel) {
        this.found = found;
        this.channel = channel;
    }

    /** @return an encode-once writer, or {@code null} where the session is not Undertow's or its API looks different */
    static MessageWriter writerFor(Session session) {
        if (!SESSION.equals(session.getClass().getName())) {
            return null;
        }
        Access current = access;
        if (current == null) {
            current = Access.find(session.getClass());
            access = current;
        }
        if (current == Access.NONE) {
            return null;
        }
        try {
            return new UndertowText(current, current.channel.invoke(session));
        } catch (Throwable unexpected) {
            LOG.log(Level.FINE, "Undertow session without a channel; using sendText", unexpected);
            return null;
        }
    }

    @Override
    public void write(EncodedMessage message, SendHandler handler) {
        try {
            // a buffer of its own per recipient (writes move its position), over the shared bytes
            found.sendText.invokeExact(ByteBuffer.wrap(message.utf8()), channel, (Object) found.callback.invokeExact(handler));
        } catch (RuntimeException | Error failed) {
            throw failed;
        } catch (Throwable impossible) {
            // the handles declare no checked exception; Undertow reports I/O failures to the callback
            throw new IllegalStateException(impossible);
        }
    }

    /** Undertow's session-to-channel getter, its byte-buffer text send, and its send-handler adapter. */
    private record Access(MethodHandle channel, MethodHandle sendText, MethodHandle callback) {

        static final Access NONE = new Access(null, null, null);

        static Access find(Class<?> sessionClass) {
            try {
                ClassLoader loader = sessionClass.getClassLoader();
                Class<?> webSocketChannel = Class.forName("io.undertow.websockets.core.WebSocketChannel", false, loader);
                Class<?> webSockets = Class.forName("io.undertow.websockets.core.WebSockets", false, loader);
                Class<?> callbackType = Class.forName("io.undertow.websockets.core.WebSocketCallback", false, loader);
                Class<?> adapter = Class.forName("io.undertow.websockets.jsr.SendHandlerAdapter", false, loader);
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                MethodHandle channel = lookup.findVirtual(sessionClass, "getWebSocketChannel", MethodType.methodType(webSocketChannel))
                        .asType(MethodType.methodType(Object.class, Session.class));
                MethodHandle sendText = lookup.findStatic(webSockets, "sendText",
                                MethodType.methodType(void.class, ByteBuffer.class, webSocketChannel, callbackType))
                        .asType(MethodType.methodType(void.class, ByteBuffer.class, Object.class, Object.class));
                // package-private: the same adapter Undertow's RemoteEndpoint.Async wraps a SendHandler in
                Constructor<?> adapterConstructor = adapter.getDeclaredConstructor(SendHandler.class);
                adapterConstructor.setAccessible(true);
                MethodHandle callback = MethodHandles.lookup().unreflectConstructor(adapterConstructor)
                        .asType(MethodType.methodType(Object.class, SendHandler.class));
                return new Access(channel, sendText, callback);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError changed) {
                LOG.log(Level.WARNING, "Hauyna: cannot send pre-encoded text on this Undertow; every message goes through sendText", changed);
                return NONE;
            }
        }
    }
}
