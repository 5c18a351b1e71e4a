package io.hauyna.jakarta.internal;

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
 * behind a {@link Session} is package-private; the first failure, or a server that is not Tyrus,
 * switches it off for good and every connection uses {@code sendText}. Frames written this way are
 * not counted by Tyrus's optional monitoring.
 */
final class TyrusRawFrames implements MessageWriter {

    private static final Logger LOG = Logger.getLogger(TyrusRawFrames.class.getName());
    private static final String REMOTE_ENDPOINT = "org.glassfish.tyrus.core.TyrusRemoteEndpoint";
    private static final String FUTURE = "org.glassfish.tyrus.core.TyrusFuture";

    private static volatile boolean unavailable;
    private static volatile Access access;

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

    /** @return a raw-frame writer, or {@code null} where the session is not Tyrus's or cannot take raw frames */
    static MessageWriter writerFor(Session session, MessageWriter portable) {
        if (unavailable || !session.getNegotiatedExtensions().isEmpty()) {
            return null;
        }
        Object remote = session.getAsyncRemote();
        try {
            Access found = access;
            if (found == null) {
                found = Access.of(remote.getClass());
                if (found == null) {
                    unavailable = true;
                    return null;
                }
                access = found;
                LOG.info("Hauyna: on Tyrus, each message is framed once per fan-out and written with sendRawFrame"
                        + " (hauyna.outbound.tyrus-raw-frames=false writes with sendText instead)");
            }
            return new TyrusRawFrames(session, found.webSocket.get(remote), found.sendRawFrame, portable);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError changed) {
            // A Tyrus that no longer looks like this: sendText still works, only slower.
            unavailable = true;
            LOG.log(Level.WARNING, "Hauyna: cannot write raw frames on this Tyrus; every message goes through sendText", changed);
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

    /** What reflection found once: the Tyrus connection inside a remote endpoint, and its raw send. */
    private record Access(Field webSocket, Method sendRawFrame) {

        /** @return {@code null} if the remote endpoint is not Tyrus's */
        static Access of(Class<?> remoteClass) throws ReflectiveOperationException {
            Class<?> endpoint = remoteClass;
            while (endpoint != null && !endpoint.getName().equals(REMOTE_ENDPOINT)) {
                endpoint = endpoint.getSuperclass();
            }
            if (endpoint == null) {
                return null;
            }
            Field webSocket = endpoint.getDeclaredField("webSocket");
            webSocket.setAccessible(true);
            Method sendRawFrame = webSocket.getType().getMethod("sendRawFrame", ByteBuffer.class);
            // Tyrus before 2.1.4 returned a plain Future, which says when a write finished only to a blocked thread.
            Class<?> future = Class.forName(FUTURE, false, endpoint.getClassLoader());
            if (!CompletionStage.class.isAssignableFrom(future)) {
                throw new NoSuchMethodException(FUTURE + " is not a CompletionStage (Tyrus older than 2.1.4)");
            }
            return new Access(webSocket, sendRawFrame);
        }
    }
}
