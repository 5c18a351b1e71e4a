package io.hauyna.jakarta.internal.cluster;

import io.hauyna.jakarta.spi.Backplane;
import io.hauyna.jakarta.spi.BackplaneContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The backplane of a node that works alone: there is no other node to send to or hear from. A
 * clustered backplane (the {@code hauyna-hazelcast} module) replaces it as an enabled alternative.
 */
@ApplicationScoped
public class LocalBackplane implements Backplane {

    @Override
    public void start(BackplaneContext context) {
        // Nothing to join.
    }

    @Override
    public void publish(byte[] frame) {
        // No other node; ClusterNode does not call this when clustered() is false.
    }

    @Override
    public void stop() {
        // Nothing was started.
    }

    @Override
    public boolean clustered() {
        return false;
    }

    @Override
    public String describe() {
        return "local backplane; add hauyna-hazelcast to the application to run several nodes as one";
    }
}
