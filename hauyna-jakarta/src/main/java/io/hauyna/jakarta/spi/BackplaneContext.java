package io.hauyna.jakarta.spi;

import java.util.Optional;

/**
 * What Hauyna gives a {@link Backplane} when it starts: the application's name, its configuration
 * and the way back in for frames from other nodes.
 *
 * @since 0.2
 */
public interface BackplaneContext {

    /**
     * @return the name that separates this application's traffic from other applications on the same
     *         grid: {@code hauyna.cluster.name} when set, else derived from the web application's
     *         context path; never empty
     */
    String application();

    /**
     * Reads a configuration value from the same source as Hauyna's own keys (MicroProfile Config
     * when the server has it, else system properties).
     *
     * @param key the full key, e.g. {@code hauyna.cluster.members}
     * @return the trimmed value, or empty when the key is unset or blank
     */
    Optional<String> config(String key);

    /**
     * Hands over one frame that another node published. Call it in that node's publishing order;
     * it does not block (delivery to this node's sockets goes through their bounded queues) and
     * never throws for a malformed frame, which is counted and dropped.
     *
     * @param frame the bytes exactly as the other node published them
     */
    void received(byte[] frame);

    /**
     * Tells Hauyna that the set of nodes changed (a member joined or left, or a split brain healed),
     * so that it republishes what this node holds. A hint: calling it too often costs traffic, never
     * correctness.
     */
    void membersChanged();
}
