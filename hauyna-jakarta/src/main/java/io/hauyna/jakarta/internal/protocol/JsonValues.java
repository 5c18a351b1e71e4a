package io.hauyna.jakarta.internal.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns client JSON into plain Java values for application code: objects become maps, arrays
 * lists, numbers {@code Long} when integral and in range else {@code BigDecimal}.
 */
public final class JsonValues {

    private JsonValues() {
    }

    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    /** @return the JSON object text (as Hauyna wrote it for another node) as plain Java values */
    public static Map<String, Object> parseObject(String json) {
        try (var reader = JSON.createReader(new java.io.StringReader(json))) {
            return toMap(reader.readObject());
        }
    }

    /** @throws IllegalArgumentException when a value is {@code null}, which metadata cannot hold */
    static Map<String, Object> toMap(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((key, value) -> map.put(key, toJava(value)));
        return Collections.unmodifiableMap(map);
    }

    private static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> toMap(value.asJsonObject());
            case ARRAY -> toList(value.asJsonArray());
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> number((JsonNumber) value);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> throw new IllegalArgumentException("must not contain null values: leave the key out instead");
        };
    }

    private static List<Object> toList(JsonArray array) {
        List<Object> list = new ArrayList<>(array.size());
        array.forEach(value -> list.add(toJava(value)));
        return Collections.unmodifiableList(list);
    }

    private static Object number(JsonNumber number) {
        if (number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException outOfRange) {
                return number.bigDecimalValue();
            }
        }
        return number.bigDecimalValue();
    }
}
