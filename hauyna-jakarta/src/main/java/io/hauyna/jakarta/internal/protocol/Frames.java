package io.hauyna.jakarta.internal.protocol;

import io.hauyna.jakarta.ErrorType;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.Map;

/**
 * Builds the frames the server sends, as text, with the field names of {@code docs/PROTOCOL.md}.
 * Each is built once and then offered to every recipient.
 */
public final class Frames {

    /** Looked up once: {@code Json.createObjectBuilder()} would look the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private Frames() {
    }

    public static String channelMessage(String channel, String from, JsonValue message) {
        return JSON.createObjectBuilder().add("type", "channel_message").add("channel", channel)
                .add("from", from).add("message", message).build().toString();
    }

    static String directMessage(String from, JsonValue message) {
        return JSON.createObjectBuilder().add("type", "direct_message").add("from", from)
                .add("message", message).build().toString();
    }

    static String groupMessage(String group, String from, JsonValue message) {
        return JSON.createObjectBuilder().add("type", "group_message").add("group", group)
                .add("from", from).add("message", message).build().toString();
    }

    static String groupKicked(String group, String by) {
        return JSON.createObjectBuilder().add("type", "group_kicked").add("group", group).add("by", by).build().toString();
    }

    static String pong(JsonValue ref) {
        return withRef(JSON.createObjectBuilder().add("type", "pong"), ref).build().toString();
    }

    public static String ok(JsonValue ref) {
        return JSON.createObjectBuilder().add("type", "reply").add("ref", ref).add("status", "ok").build().toString();
    }

    /** An ok reply carrying data already encoded as JSON text ({@code null} for none). */
    public static String ok(JsonValue ref, String dataJson) {
        String ok = ok(ref);
        return dataJson == null ? ok : ok.substring(0, ok.length() - 1) + ",\"data\":" + dataJson + "}";
    }

    /** A {@code channel_message} whose message is already JSON text. */
    public static String channelMessageOfJson(String channel, String from, String messageJson) {
        String frame = JSON.createObjectBuilder().add("type", "channel_message").add("channel", channel).add("from", from).build().toString();
        return frame.substring(0, frame.length() - 1) + ",\"message\":" + messageJson + "}";
    }

    /**
     * @param channelMessage a {@code channel_message} frame, as {@link #channelMessage} wrote it
     * @return the same frame with its place in the channel's history: {@code offset} and {@code epoch}
     */
    public static String withPosition(String channelMessage, long offset, String epoch) {
        return channelMessage.substring(0, channelMessage.length() - 1) + ",\"offset\":" + offset
                + ",\"epoch\":" + JSON.createValue(epoch) + "}";
    }

    /** A custom event frame; {@code dataJson} is already JSON text. */
    public static String event(String name, String dataJson) {
        String frame = JSON.createObjectBuilder().add("type", "event").add("event", name).build().toString();
        return frame.substring(0, frame.length() - 1) + ",\"data\":" + dataJson + "}";
    }

    /** A reply with status error when the frame had a ref, else an error frame. */
    public static String error(ErrorType type, String message, JsonValue ref) {
        return error(type, message, ref, Map.of());
    }

    /** As {@link #error(ErrorType, String, JsonValue)}, with a {@code details} object when there are any. */
    public static String error(ErrorType type, String message, JsonValue ref, Map<String, Object> details) {
        JsonObjectBuilder frame = ref == null
                ? JSON.createObjectBuilder().add("type", "error")
                : JSON.createObjectBuilder().add("type", "reply").add("ref", ref).add("status", "error");
        frame.add("error_type", type.wireName()).add("message", message);
        if (!details.isEmpty()) {
            frame.add("details", JSON.createObjectBuilder(details));
        }
        return frame.build().toString();
    }

    private static JsonObjectBuilder withRef(JsonObjectBuilder frame, JsonValue ref) {
        return ref == null ? frame : frame.add("ref", ref);
    }
}
