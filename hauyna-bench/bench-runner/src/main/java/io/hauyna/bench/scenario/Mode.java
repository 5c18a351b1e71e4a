package io.hauyna.bench.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the server sends: through Hauyna (a protocol frame from the publisher, or server code calling
 * the API) or through a baseline a user would write by hand. Each mode knows the frame that makes
 * the bench WAR send one message its way.
 */
public enum Mode {
    /** A protocol {@code channel_message} / {@code direct_message} frame from the publisher. */
    HAUYNA_PROTOCOL("hauyna-protocol"),
    /**
     * The same frame with Hauyna's per-frame metrics switched off (MXBean {@code PerFrameCounting}),
     * to measure what counting costs: scenario 1 only.
     */
    HAUYNA_UNCOUNTED("hauyna-protocol-no-metrics"),
    /**
     * The same frame to a history channel ({@code hist:<room>}, which the same subscribers joined):
     * numbered, kept and delivered with its position; scenario 1 only.
     */
    HAUYNA_HISTORY("hauyna-protocol-history"),
    /** Server code: {@code Channels.broadcastTo} / {@code Connections.sendTo}. */
    HAUYNA_SERVER("hauyna-server"),
    /** A loop of {@code getAsyncRemote().sendText} over a concurrent set of sessions. */
    RAW_ASYNC("raw-async"),
    /** A loop of {@code getBasicRemote().sendText}, serialised per session. */
    RAW_BASIC("raw-basic"),
    /** {@code TyrusSession.broadcast}: frames once, writes to every session of the endpoint. */
    TYRUS_BROADCAST("tyrus-broadcast");

    /** The prefix of history channels in the bench WAR ({@code hauyna.history.channels}). */
    public static final String HISTORY_PREFIX = "hist:";

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    String fanOut(String room, String payload) {
        return switch (this) {
            case HAUYNA_PROTOCOL, HAUYNA_UNCOUNTED -> "{\"type\":\"channel_message\",\"channel\":\"" + room + "\",\"message\":" + payload + "}";
            case HAUYNA_HISTORY -> "{\"type\":\"channel_message\",\"channel\":\"" + HISTORY_PREFIX + room + "\",\"message\":" + payload + "}";
            case HAUYNA_SERVER -> "F hauyna " + room + "\n" + payload;
            case RAW_ASYNC -> "F raw-async " + room + "\n" + payload;
            case RAW_BASIC -> "F raw-basic " + room + "\n" + payload;
            case TYRUS_BROADCAST -> "F tyrus " + room + "\n" + payload;
        };
    }

    /** @return whether Hauyna counts its per-frame figures while this mode runs */
    boolean countsPerFrame() {
        return this != HAUYNA_UNCOUNTED;
    }

    String direct(String user, String payload) {
        return switch (this) {
            case HAUYNA_PROTOCOL, HAUYNA_UNCOUNTED, HAUYNA_HISTORY -> "{\"type\":\"direct_message\",\"to\":\"" + user + "\",\"message\":" + payload + "}";
            case HAUYNA_SERVER -> "D hauyna " + user + "\n" + payload;
            case RAW_ASYNC -> "D raw-async " + user + "\n" + payload;
            case RAW_BASIC -> "D raw-basic " + user + "\n" + payload;
            case TYRUS_BROADCAST -> throw new IllegalArgumentException("Tyrus has no direct send of its own");
        };
    }

    /**
     * @return the modes rotated by one place each round (round 1 in the order given, round 2 starting
     *         with the second, and so on), so that over as many rounds as there are modes each mode
     *         runs once in every position and after every other mode's leftovers (garbage, writes
     *         still completing); round 0, the unrecorded warm-up, in the order given
     */
    static List<Mode> interleaved(List<Mode> modes, int round) {
        List<Mode> order = new ArrayList<>(modes);
        if (round > 0) {
            Collections.rotate(order, -((round - 1) % modes.size()));
        }
        return order;
    }
}
