package io.hauyna.jakarta.internal.cluster;

import io.hauyna.jakarta.PresenceStatus;
import io.hauyna.jakarta.internal.connection.Target;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes and reads the bytes of a {@link ClusterFrame}. The layout, big-endian:
 *
 * <pre>
 * version (1 byte) | kind (1 byte) | node id (16 bytes) | seq (8 bytes) | body
 *   HEARTBEAT: count (4 bytes), then that many node ids
 *   DELIVERY:  target kind (1 byte) | target | payload length (4 bytes) | payload
 *              target: everyone: nothing; channel: name; identifiers: count, then each;
 *              group: name, role (or absent)
 *   CHANGES:   count, then each: removed (1 byte) | replica
 *   SNAPSHOT:  count, then each replica
 *   GROUP:     identifier, group, role (absent: removed from the group)
 *   PRESENCE:  identifier, updates as a JSON object (absent: untracked)
 *   LEAVING:   nothing
 *   POSITIONED: channel, offset (8 bytes), epoch, payload length (4 bytes) | payload
 *   replica:   kind (1 byte), then its fields in declaration order (a status as 1 byte, a time as 8)
 *   string:    UTF-8 length (4 bytes; -1 when absent), then its bytes
 * </pre>
 *
 * The sequence number is written by {@link #stamp}, so that a frame is encoded outside the lock
 * that orders publishing and only numbered inside it.
 */
final class ClusterFrames {

    static final byte VERSION = 1;
    private static final int SEQ_OFFSET = 2 + 16;
    private static final byte HEARTBEAT = 0;
    private static final byte DELIVERY = 1;
    private static final byte CHANGES = 2;
    private static final byte SNAPSHOT = 3;
    private static final byte GROUP = 4;
    private static final byte LEAVING = 5;
    private static final byte PRESENCE = 6;
    private static final byte POSITIONED = 7;
    private static final byte TARGET_EVERYONE = 0;
    private static final byte TARGET_CHANNEL = 1;
    private static final byte TARGET_IDENTIFIERS = 2;
    private static final byte TARGET_GROUP = 3;
    private static final byte REPLICA_CONNECTION = 0;
    private static final byte REPLICA_SUBSCRIPTION = 1;
    private static final byte REPLICA_MEMBERSHIP = 2;
    private static final byte REPLICA_FRAGMENT = 3;

    private ClusterFrames() {
    }

    /** @return the frame's bytes, not yet stamped; the exclusion in a delivery's target is left out (it is never on another node) */
    static byte[] write(UUID node, ClusterFrame.Body body) {
        Writer out = new Writer();
        out.bytes.write(VERSION);
        if (body instanceof ClusterFrame.Heartbeat heartbeat) {
            out.header(HEARTBEAT, node).count(heartbeat.inSync().size());
            heartbeat.inSync().forEach(out::uuid);
        } else if (body instanceof ClusterFrame.Delivery delivery) {
            out.header(DELIVERY, node).target(delivery.target()).blob(delivery.payload());
        } else if (body instanceof ClusterFrame.Changes changes) {
            out.header(CHANGES, node).count(changes.changes().size());
            changes.changes().forEach(change -> out.flag(change.removed()).replica(change.replica()));
        } else if (body instanceof ClusterFrame.Snapshot snapshot) {
            out.header(SNAPSHOT, node).count(snapshot.replicas().size());
            snapshot.replicas().forEach(out::replica);
        } else if (body instanceof ClusterFrame.GroupChange change) {
            out.header(GROUP, node).string(change.identifier()).string(change.group()).string(change.role());
        } else if (body instanceof ClusterFrame.PresenceChange change) {
            out.header(PRESENCE, node).string(change.identifier()).string(change.updates());
        } else if (body instanceof ClusterFrame.Positioned message) {
            out.header(POSITIONED, node).string(message.channel()).int64(message.offset()).string(message.epoch()).blob(message.payload());
        } else {
            out.header(LEAVING, node);
        }
        return out.bytes.toByteArray();
    }

    /** Writes the publishing node's sequence number into a frame built by {@link #write}. */
    static void stamp(byte[] frame, long seq) {
        ByteBuffer.wrap(frame).putLong(SEQ_OFFSET, seq);
    }

    /**
     * @return the frame's content
     * @throws IllegalArgumentException when the bytes are not a frame of this version (another
     *                                  version of Hauyna on the same grid, or damage); the message says which
     */
    static ClusterFrame read(byte[] frame) {
        try {
            Reader in = new Reader(ByteBuffer.wrap(frame));
            byte version = in.buffer.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("cluster frame version " + version + ", this node reads version " + VERSION
                        + ": run the same Hauyna version on every node");
            }
            byte kind = in.buffer.get();
            UUID node = in.uuid();
            long seq = in.buffer.getLong();
            ClusterFrame.Body body = in.body(kind);
            if (in.buffer.hasRemaining()) {
                throw new IllegalArgumentException(in.buffer.remaining() + " bytes after the end of the frame");
            }
            return new ClusterFrame(node, seq, body);
        } catch (BufferUnderflowException truncated) {
            throw new IllegalArgumentException("cluster frame of " + frame.length + " bytes ends early", truncated);
        }
    }

    private static final class Writer {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        final DataOutputStream data = new DataOutputStream(bytes);

        Writer header(byte kind, UUID node) {
            bytes.write(kind);
            return uuid(node).int64(0);
        }

        Writer uuid(UUID id) {
            return int64(id.getMostSignificantBits()).int64(id.getLeastSignificantBits());
        }

        Writer int64(long value) {
            try {
                data.writeLong(value);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
            return this;
        }

        Writer count(int count) {
            try {
                data.writeInt(count);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
            return this;
        }

        Writer flag(boolean value) {
            bytes.write(value ? 1 : 0);
            return this;
        }

        Writer blob(byte[] value) {
            count(value.length);
            bytes.writeBytes(value);
            return this;
        }

        Writer string(String value) {
            return value == null ? count(-1) : blob(value.getBytes(StandardCharsets.UTF_8));
        }

        Writer target(Target target) {
            if (target instanceof Target.Channel channel) {
                bytes.write(TARGET_CHANNEL);
                return string(channel.name());
            }
            if (target instanceof Target.Identifiers identifiers) {
                bytes.write(TARGET_IDENTIFIERS);
                count(identifiers.identifiers().size());
                identifiers.identifiers().forEach(this::string);
                return this;
            }
            if (target instanceof Target.Group group) {
                bytes.write(TARGET_GROUP);
                return string(group.name()).string(group.role());
            }
            bytes.write(TARGET_EVERYONE);
            return this;
        }

        Writer replica(Replica replica) {
            if (replica instanceof Replica.Connection connection) {
                bytes.write(REPLICA_CONNECTION);
                return string(connection.connectionId()).string(connection.identifier());
            }
            if (replica instanceof Replica.Subscription subscription) {
                bytes.write(REPLICA_SUBSCRIPTION);
                return string(subscription.channel()).string(subscription.connectionId()).string(subscription.identifier())
                        .string(subscription.metadata());
            }
            if (replica instanceof Replica.Membership membership) {
                bytes.write(REPLICA_MEMBERSHIP);
                return string(membership.identifier()).string(membership.group()).string(membership.role());
            }
            Replica.Fragment fragment = (Replica.Fragment) replica;
            bytes.write(REPLICA_FRAGMENT);
            string(fragment.identifier());
            bytes.write(fragment.status().ordinal());
            return int64(fragment.sinceMillis()).string(fragment.entries());
        }
    }

    private static final class Reader {
        final ByteBuffer buffer;

        Reader(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        ClusterFrame.Body body(byte kind) {
            switch (kind) {
                case HEARTBEAT:
                    int nodes = count(16);
                    Set<UUID> inSync = new HashSet<>();
                    for (int i = 0; i < nodes; i++) {
                        inSync.add(uuid());
                    }
                    return new ClusterFrame.Heartbeat(inSync);
                case DELIVERY:
                    return new ClusterFrame.Delivery(target(), blob());
                case CHANGES:
                    int changes = count(2);
                    List<ClusterFrame.Change> list = new ArrayList<>(changes);
                    for (int i = 0; i < changes; i++) {
                        list.add(new ClusterFrame.Change(flag(), replica()));
                    }
                    return new ClusterFrame.Changes(list);
                case SNAPSHOT:
                    int replicas = count(1);
                    List<Replica> all = new ArrayList<>(replicas);
                    for (int i = 0; i < replicas; i++) {
                        all.add(replica());
                    }
                    return new ClusterFrame.Snapshot(all);
                case GROUP:
                    return new ClusterFrame.GroupChange(string(), string(), optionalString());
                case LEAVING:
                    return new ClusterFrame.Leaving();
                case PRESENCE:
                    return new ClusterFrame.PresenceChange(string(), optionalString());
                case POSITIONED:
                    return new ClusterFrame.Positioned(string(), buffer.getLong(), string(), blob());
                default:
                    throw new IllegalArgumentException("unknown frame kind " + kind);
            }
        }

        UUID uuid() {
            return new UUID(buffer.getLong(), buffer.getLong());
        }

        /** @param minBytes the fewest bytes one element takes, to refuse a count the frame cannot hold */
        int count(int minBytes) {
            int count = buffer.getInt();
            if (count < 0 || count > buffer.remaining() / minBytes) {
                throw new IllegalArgumentException("a count of " + count + " does not fit the frame");
            }
            return count;
        }

        boolean flag() {
            byte value = buffer.get();
            if (value != 0 && value != 1) {
                throw new IllegalArgumentException("a flag of " + value);
            }
            return value == 1;
        }

        byte[] blob() {
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw new IllegalArgumentException("a length of " + length + " with " + buffer.remaining() + " bytes left");
            }
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            return bytes;
        }

        String optionalString() {
            int length = buffer.getInt();
            if (length == -1) {
                return null;
            }
            buffer.position(buffer.position() - 4);
            return new String(blob(), StandardCharsets.UTF_8);
        }

        String string() {
            String value = optionalString();
            if (value == null) {
                throw new IllegalArgumentException("a required string is absent");
            }
            return value;
        }

        Target target() {
            byte kind = buffer.get();
            switch (kind) {
                case TARGET_EVERYONE:
                    return new Target.Everyone();
                case TARGET_CHANNEL:
                    return new Target.Channel(string(), null);
                case TARGET_IDENTIFIERS:
                    int count = count(4);
                    Set<String> identifiers = new HashSet<>();
                    for (int i = 0; i < count; i++) {
                        identifiers.add(string());
                    }
                    return new Target.Identifiers(identifiers);
                case TARGET_GROUP:
                    return new Target.Group(string(), optionalString(), null);
                default:
                    throw new IllegalArgumentException("unknown target kind " + kind);
            }
        }

        Replica replica() {
            byte kind = buffer.get();
            switch (kind) {
                case REPLICA_CONNECTION:
                    return new Replica.Connection(string(), string());
                case REPLICA_SUBSCRIPTION:
                    return new Replica.Subscription(string(), string(), string(), string());
                case REPLICA_MEMBERSHIP:
                    return new Replica.Membership(string(), string(), string());
                case REPLICA_FRAGMENT:
                    String identifier = string();
                    byte status = buffer.get();
                    PresenceStatus[] statuses = PresenceStatus.values();
                    if (status < 0 || status >= statuses.length) {
                        throw new IllegalArgumentException("unknown presence status " + status);
                    }
                    return new Replica.Fragment(identifier, statuses[status], buffer.getLong(), string());
                default:
                    throw new IllegalArgumentException("unknown replica kind " + kind);
            }
        }
    }
}
