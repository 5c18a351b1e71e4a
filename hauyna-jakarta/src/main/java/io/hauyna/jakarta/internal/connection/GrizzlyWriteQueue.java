package io.hauyna.jakarta.internal.connection;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;

import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bounds what Grizzly (the HTTP layer of Payara and GlassFish) buffers for one WebSocket connection,
 * so that Hauyna's own outbound queue is the one that fills when a client stops reading.
 *
 * <p>Why: Tyrus on a servlet container reports a send complete as soon as the servlet output stream
 * says it is ready, and Grizzly says so until its per-connection write queue holds four times the
 * socket's send buffer as the kernel sized it at accept time, several megabytes on Linux. A client
 * that stopped reading therefore cost the heap that much before Hauyna noticed anything (measured:
 * 6 MiB per stuck client, heap growing with it; {@code docs/BENCHMARKS.md}, scenario 6). With the
 * limit lowered, the stream stops being ready, Tyrus holds back the completion, and Hauyna's queue
 * and its overflow policy take over. One frame can always be written, so a frame larger than the
 * limit still goes out.
 *
 * <p>Reached by reflection from the upgrade request, only where the request is Catalina's facade
 * over Grizzly; on any other server the first attempt finds that out and nothing more is tried.
 * {@code ConnectionsIT.aStalledReaderIsClosedBeforeTheContainerBuffersMegabytesForIt} fails on
 * Payara and GlassFish without it (12.4 MiB taken for a stalled reader on Payara 6 and GlassFish 7, against a
 * limit of 8 MiB).
 */
public final class GrizzlyWriteQueue {

    private static final Logger LOG = Logger.getLogger(GrizzlyWriteQueue.class.getName());
    private static final String CATALINA_FACADE = "org.apache.catalina.connector.RequestFacade";

    private static volatile boolean unavailable;
    private static volatile boolean announced;

    private GrizzlyWriteQueue() {
    }

    /**
     * Lowers the write queue limit of the connection an upgrade request arrived on.
     *
     * @param bytes what Grizzly may buffer ({@code hauyna.outbound.container-buffer-bytes}); 0 leaves it
     * @return {@code true} if the limit is in place; {@code false} on servers that are not Grizzly
     */
    public static boolean limit(ServletRequest request, int bytes) {
        if (unavailable || bytes == 0) {
            return false;
        }
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        if (!unwrapped.getClass().getName().equals(CATALINA_FACADE)) {
            unavailable = true;
            return false;
        }
        try {
            Object catalinaRequest = call(unwrapped, "getUnwrappedCoyoteRequest");
            Object grizzlyRequest = callFirst(catalinaRequest, "getCoyoteRequest", "getGrizzlyRequest");
            Object connection = call(grizzlyRequest, "getConnection");
            int current = (Integer) call(connection, "getMaxAsyncWriteQueueSize");
            if (current < 0 || current > bytes) {
                connection.getClass().getMethod("setMaxAsyncWriteQueueSize", int.class).invoke(connection, bytes);
            }
            if (!announced) {
                announced = true;
                LOG.info(() -> "Hauyna: Grizzly buffers at most " + bytes + " bytes per WebSocket connection"
                        + " (it allowed " + current + " bytes), so that a client that stops reading fills Hauyna's outbound queue");
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError changed) {
            // A Grizzly or Catalina that no longer looks like this: keep the container's own limit.
            unavailable = true;
            LOG.log(Level.WARNING, "Hauyna: cannot bound Grizzly's write queue on this server; a client that stops"
                    + " reading may hold several MiB in the container before Hauyna's queue fills", changed);
            return false;
        }
    }

    /** Payara's Catalina names the getter {@code getCoyoteRequest}, GlassFish 7's {@code getGrizzlyRequest}. */
    private static Object callFirst(Object target, String method, String otherwise) throws ReflectiveOperationException {
        try {
            return call(target, method);
        } catch (NoSuchMethodException renamed) {
            return call(target, otherwise);
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method getter = target.getClass().getMethod(method);
        return getter.invoke(target);
    }
}
