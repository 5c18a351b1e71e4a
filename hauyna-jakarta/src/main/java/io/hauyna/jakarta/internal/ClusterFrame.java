package io.hauyna.jakarta.internal;

import java.util.UUID;

/**
 * One frame on the backplane as a node reads it: who published it, its place in that node's
 * sequence, and what it carries.
 *
 * @param node    the publishing node's id, new at each start of the application
 * @param seq     the publishing node's counter, one more for each frame of any kind it publishes
 * @param kind    what the frame is
 * @param target  for a delivery, whom it is for, without the publisher's excluded connection
 *                (which is never on another node); {@code null} otherwise
 * @param payload for a delivery, the message in UTF-8; empty otherwise
 */
record ClusterFrame(UUID node, long seq, Kind kind, Target target, byte[] payload) {

    enum Kind {
        /** "I am alive"; carries nothing else. */
        HEARTBEAT,
        /** A message for the connections a target names, on every node. */
        DELIVERY,
        /** "I am stopping": the others forget this node at once instead of after the timeout. */
        LEAVING
    }
}
