package io.hauyna.jakarta.internal;

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
 * version (1 byte, 1) | kind (1 byte) | node id (16 bytes) | seq (8 bytes) | body
 * DELIVERY body: target kind (1 byte) | target fields | payload length (4 bytes) | payload
 *   target fields: everyone: none; channel: name; identifiers: count (4 bytes), then each;
 *   group: name, role (absent as length -1)
 *   a string: its UTF-8 length (4 bytes), then its bytes
 * </pre>
 *
 * The sequence number is written last, by {@link #stamp}, so that a frame is encoded outside the
 * lock that orders publishing and only numbered inside it.
 */
final class ClusterFrames {

    static final byte VERSION = 1;
    private static final int SEQ_OFFSET = 2 + 16;
    private static final int HEADER = SEQ_OFFSET + 8;
    private static final byte EVERYONE = 0;
    private static final byte CHANNEL = 1;
    private static final byte IDENTIFIERS = 2;
    private static final byte GROUP = 3;

    private ClusterFrames() {
    }

    /** @return a frame with no body (a heartbeat or a leaving notice), not yet stamped */
    static byte[] signal(UUID node, ClusterFrame.Kind kind) {
        return header(ByteBuffer.allocate(HEADER), node, kind).array();
    }

    /** @return a delivery frame, not yet stamped; the payload is copied into it */
    static byte[] delivery(UUID node, Target target, byte[] payload) {
        List<byte[]> strings = new ArrayList<>();
        byte targetKind = targetFields(target, strings);
        int size = HEADER + 1 + 4 + payload.length + (targetKind == IDENTIFIERS ? 4 : 0);
        for (byte[] string : strings) {
            size += 4 + (string == null ? 0 : string.length);
        }
        ByteBuffer buffer = header(ByteBuffer.allocate(size), node, ClusterFrame.Kind.DELIVERY).put(targetKind);
        if (targetKind == IDENTIFIERS) {
            buffer.putInt(strings.size());
        }
        for (byte[] string : strings) {
            if (string == null) {
                buffer.putInt(-1);
            } else {
                buffer.putInt(string.length).put(string);
            }
        }
        return buffer.putInt(payload.length).put(payload).array();
    }

    /** Writes the publishing node's sequence number into a frame built by this class. */
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
            ByteBuffer buffer = ByteBuffer.wrap(frame);
            byte version = buffer.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("cluster frame version " + version + ", this node reads version " + VERSION
                        + ": run the same Hauyna version on every node");
            }
            ClusterFrame.Kind kind = kindOf(buffer.get());
            UUID node = new UUID(buffer.getLong(), buffer.getLong());
            long seq = buffer.getLong();
            if (kind != ClusterFrame.Kind.DELIVERY) {
                return new ClusterFrame(node, seq, kind, null, new byte[0]);
            }
            Target target = readTarget(buffer);
            byte[] payload = bytes(buffer, buffer.getInt());
            if (buffer.hasRemaining()) {
                throw new IllegalArgumentException(buffer.remaining() + " bytes after the payload");
            }
            return new ClusterFrame(node, seq, kind, target, payload);
        } catch (BufferUnderflowException truncated) {
            throw new IllegalArgumentException("cluster frame of " + frame.length + " bytes ends early", truncated);
        }
    }

    private static ByteBuffer header(ByteBuffer buffer, UUID node, ClusterFrame.Kind kind) {
        return buffer.put(VERSION).put((byte) kind.ordinal())
                .putLong(node.getMostSignificantBits()).putLong(node.getLeastSignificantBits()).putLong(0);
    }

    private static byte targetFields(Target target, List<byte[]> strings) {
        if (target instanceof Target.Channel channel) {
            strings.add(utf8(channel.name()));
            return CHANNEL;
        }
        if (target instanceof Target.Identifiers identifiers) {
            identifiers.identifiers().forEach(identifier -> strings.add(utf8(identifier)));
            return IDENTIFIERS;
        }
        if (target instanceof Target.Group group) {
            strings.add(utf8(group.name()));
            strings.add(group.role() == null ? null : utf8(group.role()));
            return GROUP;
        }
        return EVERYONE;
    }

    private static Target readTarget(ByteBuffer buffer) {
        byte kind = buffer.get();
        switch (kind) {
            case EVERYONE:
                return new Target.Everyone();
            case CHANNEL:
                return new Target.Channel(string(buffer), null);
            case IDENTIFIERS:
                int count = buffer.getInt();
                if (count < 0 || count > buffer.remaining() / 4) {
                    throw new IllegalArgumentException("identifier count " + count + " does not fit the frame");
                }
                Set<String> identifiers = new HashSet<>();
                for (int i = 0; i < count; i++) {
                    identifiers.add(string(buffer));
                }
                return new Target.Identifiers(identifiers);
            case GROUP:
                return new Target.Group(string(buffer), nullableString(buffer), null);
            default:
                throw new IllegalArgumentException("unknown target kind " + kind);
        }
    }

    private static ClusterFrame.Kind kindOf(byte code) {
        ClusterFrame.Kind[] kinds = ClusterFrame.Kind.values();
        if (code < 0 || code >= kinds.length) {
            throw new IllegalArgumentException("unknown frame kind " + code);
        }
        return kinds[code];
    }

    private static String string(ByteBuffer buffer) {
        String value = nullableString(buffer);
        if (value == null) {
            throw new IllegalArgumentException("a required name is absent");
        }
        return value;
    }

    private static String nullableString(ByteBuffer buffer) {
        int length = buffer.getInt();
        return length == -1 ? null : new String(bytes(buffer, length), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer, int length) {
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("a length of " + length + " with " + buffer.remaining() + " bytes left");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
