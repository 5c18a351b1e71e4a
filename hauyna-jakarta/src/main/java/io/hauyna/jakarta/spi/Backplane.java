package io.hauyna.jakarta.spi;

import java.util.Optional;

/**
 * Carries Hauyna's traffic between the nodes of a cluster: opaque frames that one node publishes and
 * every other node receives. Hauyna puts everything that gives the frames their meaning (the
 * publishing node, sequence numbers, targets, payloads) inside the frame, so an implementation only
 * moves bytes.
 *
 * <p>The default backplane is local: it carries nothing, and {@link #clustered()} is {@code false},
 * so that a single node pays nothing for clustering. The {@code hauyna-hazelcast} module replaces it
 * with an {@code @Alternative @Priority(...)} bean, as any other implementation may. Only
 * {@code byte[]} crosses this interface, never an application class, because the grid may load
 * classes with another class loader (Payara's member does).
 *
 * <p>Thread-safety: {@link #publish} is called from many threads at once.
 *
 * @since 0.2
 */
public interface Backplane {

    /**
     * Starts carrying frames for this application: frames that other nodes publish from now on reach
     * {@link BackplaneContext#received}. Called once, when the application starts, before any
     * {@link #publish}.
     *
     * @param context the application's name, its configuration and where received frames go
     * @throws IllegalStateException when the backplane cannot start (e.g. a misconfigured member
     *                               list); the message says what to change, and the deployment fails
     */
    void start(BackplaneContext context);

    /**
     * Sends one frame to every other node of the application, never back to this one. Returns
     * without waiting for the other nodes. Frames from one node arrive in the order that node
     * published them; a frame may be lost when a node fails or a queue overflows, and Hauyna notices
     * the gap in its sequence numbers.
     *
     * @param frame the bytes to send; the backplane must not modify them
     */
    void publish(byte[] frame);

    /**
     * Stops carrying frames and releases what {@link #start} took (an embedded member is shut down
     * here, with a bounded wait). Called once, when the application stops; nothing is published or
     * received afterwards.
     */
    void stop();

    /** @return {@code false} only for a backplane with no other node, which lets Hauyna skip encoding frames */
    default boolean clustered() {
        return true;
    }

    /**
     * @return where this backplane keeps the histories of history channels for every node; empty
     *         (the default) when it keeps none, and then a clustered application with history
     *         channels does not start
     * @since 0.4
     */
    default Optional<SharedHistory> sharedHistory() {
        return Optional.empty();
    }

    /** @return a short description for the start-up log line, e.g. "Hazelcast, embedded member, 3 members" */
    default String describe() {
        return getClass().getSimpleName();
    }
}
