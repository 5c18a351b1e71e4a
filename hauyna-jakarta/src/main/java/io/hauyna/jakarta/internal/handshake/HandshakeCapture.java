package io.hauyna.jakarta.internal.handshake;

import io.hauyna.jakarta.Handshake;

import java.util.Map;

/**
 * What {@link io.hauyna.jakarta.HauynaConfigurator} captured of one handshake (all its headers) and
 * the pipeline's decision, on their way from {@code modifyHandshake} to registration, which takes
 * them once.
 *
 * <p>Why a holder that is emptied, rather than the objects themselves: a server copies the endpoint
 * configuration's user properties into the session's, and may keep the map it handed to
 * {@code modifyHandshake} for as long as the connection lives (WildFly and Payara do). Removing the
 * entry from the session's copy then freed nothing, and every connection kept a second, complete
 * handshake: about a kilobyte of headers and maps (measured with the benchmark's class histograms).
 */
public final class HandshakeCapture {

    private Handshake handshake;
    private HandshakeOutcome outcome;

    private HandshakeCapture(Handshake handshake, HandshakeOutcome outcome) {
        this.handshake = handshake;
        this.outcome = outcome;
    }

    /** Leaves the handshake and its outcome in the user properties {@code modifyHandshake} was given. */
    static void leave(Map<String, Object> userProperties, Handshake handshake, HandshakeOutcome outcome) {
        userProperties.put(Handshake.USER_PROPERTY, new HandshakeCapture(handshake, outcome));
    }

    /**
     * Takes what was left in a session's user properties, leaving nothing behind in any copy.
     *
     * @return what was captured; both {@code null} for a connection that did not come through the configurator
     */
    public static Taken take(Map<String, Object> userProperties) {
        Object left = userProperties.remove(Handshake.USER_PROPERTY);
        return left instanceof HandshakeCapture capture ? capture.empty() : new Taken(null, null);
    }

    private synchronized Taken empty() {
        Taken taken = new Taken(handshake, outcome);
        handshake = null;
        outcome = null;
        return taken;
    }

    /** The captured handshake and decision; either is {@code null} when nothing was captured. */
    public record Taken(Handshake handshake, HandshakeOutcome outcome) {
    }
}
