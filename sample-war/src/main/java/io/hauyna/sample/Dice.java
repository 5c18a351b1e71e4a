package io.hauyna.sample;

import io.hauyna.jakarta.Channels;
import io.hauyna.jakarta.ClientEvent;
import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.Events;
import io.hauyna.jakarta.HauynaEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A custom event: {@code roll_dice} with {@code {"room": "lobby", "sides": 6}} rolls a die, replies
 * with the value, and tells the room with a {@code dice_rolled} event. Bad data gets a typed error.
 */
@ApplicationScoped
public class Dice {

    @Inject
    Events events;

    @Inject
    Channels channels;

    void roll(@Observes @HauynaEvent("roll_dice") ClientEvent event) {
        JsonObject data = event.data().getValueType() == JsonValue.ValueType.OBJECT ? event.data().asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
        int sides = data.getInt("sides", 6);
        String room = "room:" + data.getString("room", "");
        if (sides < 2 || sides > 100) {
            event.fail(ErrorType.VALIDATION_ERROR, "A die has 2 to 100 sides, not " + sides);
            return;
        }
        if (!channels.subscribers(room).contains(event.identifier())) {
            event.fail(ErrorType.FORBIDDEN, "Join " + room + " before rolling dice there");
            return;
        }
        int value = ThreadLocalRandom.current().nextInt(1, sides + 1);
        Map<String, Object> rolled = new TreeMap<>(Map.of("by", event.identifier(), "sides", sides, "value", value));
        events.pushToChannel(room, "dice_rolled", rolled);
        event.reply(Map.of("value", value));
    }
}
