package io.hauyna.jakarta.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol frames of history channels, for the module's and the TCK's tests of them. */
public final class HistoryFrames {

    private HistoryFrames() {
    }

    public static JsonObject read(String frame) {
        return Json.createReader(new StringReader(frame)).readObject();
    }

    /**
     * Subscribes, resuming from {@code since} when it is not {@code null}, and checks the ok reply.
     *
     * @return the reply's data: the channel's position, and whether it recovered
     */
    public static JsonObject subscribe(TestClient client, String channel, String since) {
        client.send("{\"type\":\"subscribe_channel\",\"channel\":\"" + channel + "\"" + (since == null ? "" : ",\"since\":" + since)
                + ",\"ref\":\"sub\"}");
        JsonObject reply = read(client.next());
        assertThat(reply.getString("status")).as(reply.toString()).isEqualTo("ok");
        return reply.getJsonObject("data");
    }

    /** @return a {@code since} position */
    public static String since(long offset, String epoch) {
        return "{\"offset\":" + offset + ",\"epoch\":\"" + epoch + "\"}";
    }

    /** Publishes {@code {"text": ...}} to a channel, without a ref. */
    public static void say(TestClient client, String channel, String text) {
        client.send("{\"type\":\"channel_message\",\"channel\":\"" + channel + "\",\"message\":{\"text\":\"" + text + "\"}}");
    }

    /** @return the reply with this ref, after the frames that came before it (e.g. channel messages) */
    public static JsonObject replyTo(TestClient client, String ref) {
        List<String> frames = client.nextUntil(frame -> frame.contains("\"ref\":\"" + ref + "\""));
        return read(frames.get(frames.size() - 1));
    }

    /** A client's frames are handled in order: once its ping is answered, everything it sent before has been. */
    public static void handled(TestClient client) {
        client.send("{\"type\":\"ping\",\"ref\":\"sync\"}");
        client.nextUntil(frame -> frame.contains("\"pong\""));
    }
}
