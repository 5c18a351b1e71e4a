package io.hauyna.jakarta.internal.connection;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes to a Tyrus connection (Payara, GlassFish) the frame an {@link EncodedMessage} built once for
 * the whole fan-out, through {@code TyrusWebSocket.sendRawFrame}, the path Tyrus's own
 * {@code TyrusSession.broadcast} uses.
 *
 * <p>Why: on Payara, {@code RemoteEndpoint.Async.sendText} costs about 150 µs of server CPU per
 * recipient, most of it Tyrus restarting the session's idle-timeout task on every send (even with no
 * idle timeout) through a managed executor that captures context each time; it also encodes and
 * frames the text again for every recipient. The raw path does neither, and keeps what matters:
 * Tyrus's send lock (so it never lands inside a partial message) and a completion per frame, which
 * is what Hauyna's one-write-in-flight queue waits for. See {@code docs/BENCHMARKS.md}.
 *
 * <p>Used only where the bytes are certainly the same as {@code sendText}'s: no negotiated extension
 * (an extension such as permessage-deflate rewrites every frame) and no idle timeout on the session
 * (Tyrus counts only its own sends as activity). Reached by reflection, because the Tyrus connection
 * behind a {@link Session} is package-private; looked up once, so that a Tyrus that looks different
 * logs one warning and every connection uses {@code sendText}. Frames written this way are not
 * counted by Tyrus's optional monitoring.
 */
public final class TyrusRawFrames implements MessageWriter {

    private static final Logger LOG = Logger.getLogger(TyrusRawFrames.class.getName());
    private static final String REMOTE_ENDPOINT = "org.glassfish.tyrus.core.TyrusRemoteEndpoint";
    private static final String FUTURE = "org.glassfish.tyrus.core.TyrusFuture";

    private final Session session;
    private final Object webSocket;
    private final Method sendRawFrame;
    private final MessageWriter portable;

    private TyrusRawFrames(Session session, Object webSocket, Method sendRawFrame, MessageWriter portable) {
        this.session = session;
        this.webSocket = webSocket;
        this.sendRawFrame = sendRawFrame;
        this.portable = portable;
    }

    /** @return how messages are written, for the configuration Hauyna logs at start-up */
    public static String describe(boolean enabled) {
        if (Lookup.ACCESS == null) {
            return "sendText";
        }
        return enabled ? "Tyrus raw frames, each message framed once per fan-out" : "sendText (Tyrus raw frames switched off)";
    }

    /** @return a raw-frame writer, or {@code null} where the session is not Tyrus's or cannot take raw frames */
    static MessageWriter writerFor(Session session, MessageWriter portable) {
        Access access = Lookup.ACCESS;
        if (access == null || !session.getNegotiatedExtensions().isEmpty()) {
            return null;
        }
        Object remote = session.getAsyncRemote();
        if (!access.remoteEndpoint.isInstance(remote)) {
            return null; // Tyrus is visible, but this server's sessions are not Tyrus's
        }
        try {
            return new TyrusRawFrames(session, access.webSocket.get(remote), access.sendRawFrame, portable);
        } catch (IllegalAccessException impossible) {
            // made accessible at the lookup; should it ever fail, sendText still works
            return null;
        }
    }

    @Override
    public void write(EncodedMessage message, SendHandler handler) {
        if (session.getMaxIdleTimeout() > 0) {
            portable.write(message, handler);
            return;
        }
        Object sent;
        try {
            sent = sendRawFrame.invoke(webSocket, ByteBuffer.wrap(message.textFrame()));
        } catch (InvocationTargetException failed) {
            // Tyrus refuses a connection that is no longer open by throwing, as sendText does.
            if (failed.getCause() instanceof RuntimeException closed) {
                throw closed;
            }
            handler.onResult(new SendResult(failed.getCause()));
            return;
        } catch (IllegalAccessException impossible) {
            handler.onResult(new SendResult(impossible));
            return;
        }
        ((CompletionStage<?>) sent).whenComplete((frame, error) -> handler.onResult(error == null
                ? new SendResult()
                : new SendResult(error instanceof CompletionException wrapped ? wrapped.getCause() : error)));
    }

    /** Looked up once, when first needed (at start-up, for the configuration log line). */
    private static final class Lookup {
        static final Access ACCESS = Access.find();
    }

    /** What reflection found: Tyrus's remote endpoint class, the connection inside it, and its raw send. */
    private record Access(Class<?> remoteEndpoint, Field webSocket, Method sendRawFrame) {

        /** @return {@code null} where Tyrus is not visible, or looks different from what this was written for */
        static Access find() {
            Class<?> endpoint;
            try {
                endpoint = Class.forName(REMOTE_ENDPOINT, false, TyrusRawFrames.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError notTyrus) {
                return null;
            }
            try {
                Field webSocket = endpoint.getDeclaredField("webSocket");
                webSocket.setAccessible(true);
                Method sendRawFrame = webSocket.getType().getMethod("sendRawFrame", ByteBuffer.class);
                // Tyrus before 2.1.4 returned a plain Future, which says when a write finished only to a blocked thread.
                Class<?> future = Class.forName(FUTURE, false, endpoint.getClassLoader());
                if (!CompletionStage.class.isAssignableFrom(future)) {
                    throw new NoSuchMethodException(FUTURE + " is not a CompletionStage (Tyrus older than 2.1.4)");
                }
                return new Access(endpoint, webSocket, sendRawFrame);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError changed) {
                LOG.log(Level.WARNING, "Hauyna: cannot write raw frames on this Tyrus; every message goes through sendText", changed);
                return null;
            }
        }
    }
}
