package io.hauyna.jakarta.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a client following docs/PROTOCOL.md knows about a channel's presence: presence_state
 * replaces it, presence_diff removes the metas in {@code leaves} and adds those in {@code joins},
 * matched by {@code ref}. Counts the frames it applied.
 */
public final class PresenceView {

    private final Map<String, Map<String, JsonObject>> metasByIdentifier = new TreeMap<>();
    private int states;
    private int diffs;
    private int diffsBeforeState;

    /** @return {@code true} if the frame was a presence frame and was applied */
    public boolean apply(String text) {
        JsonObject frame = Json.createReader(new StringReader(text)).readObject();
        switch (frame.getString("type")) {
            case "presence_state" -> {
                metasByIdentifier.clear();
                add(frame.getJsonObject("presences"));
                states++;
            }
            case "presence_diff" -> {
                remove(frame.getJsonObject("leaves"));
                add(frame.getJsonObject("joins"));
                diffs++;
                if (states == 0) {
                    diffsBeforeState++;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void add(JsonObject presences) {
        presences.forEach((identifier, holder) -> holder.asJsonObject().getJsonArray("metas").forEach(meta ->
                metasByIdentifier.computeIfAbsent(identifier, id -> new TreeMap<>())
                        .put(meta.asJsonObject().getString("ref"), meta.asJsonObject())));
    }

    private void remove(JsonObject presences) {
        presences.forEach((identifier, holder) -> {
            Map<String, JsonObject> metas = metasByIdentifier.get(identifier);
            if (metas != null) {
                for (JsonValue meta : holder.asJsonObject().getJsonArray("metas")) {
                    metas.remove(meta.asJsonObject().getString("ref"));
                }
                if (metas.isEmpty()) {
                    metasByIdentifier.remove(identifier);
                }
            }
        });
    }

    public Set<String> identifiers() {
        return new TreeSet<>(metasByIdentifier.keySet());
    }

    /** @return the metas of one user, by ref; empty if absent */
    public Map<String, JsonObject> metas(String identifier) {
        return metasByIdentifier.getOrDefault(identifier, Map.of());
    }

    public int states() {
        return states;
    }

    public int diffs() {
        return diffs;
    }

    /** @return diffs that arrived before any state: the protocol sends the state first */
    public int diffsBeforeState() {
        return diffsBeforeState;
    }

    /** Reads frames from a client until this view satisfies the condition (each read waits at most 10 s). */
    public PresenceView readUntil(TestClient client, java.util.function.Predicate<PresenceView> condition) {
        while (!condition.test(this)) {
            apply(client.next());
        }
        return this;
    }
}
