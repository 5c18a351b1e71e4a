package io.hauyna.jakarta.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generates what a hostile client sends, and checks what it gets back: garbage text, deep nesting, huge numbers, odd Unicode,
 * and frames of every protocol type whose fields have wrong types or strange values, at every size
 * up to a little over the frame limit. Used by the property tests here and, drawn with a fixed
 * seed, by the TCK on every server (each brings its own JSON implementation).
 */
public final class HostileFrames {

    /** Every type the protocol knows, plus near misses. */
    public static final List<String> TYPES = List.of("subscribe_channel", "unsubscribe_channel", "channel_message",
            "direct_message", "group_message", "group_kick", "presence_update", "event", "ping",
            "Ping", "ping ", "", "reply", "error", "__proto__");

    /** What a client's mistake may be answered with; {@code internal_error} is never among them. */
    public static final Set<String> CLIENT_ERROR_TYPES = Set.of("invalid_json", "invalid_message", "unknown_type",
            "validation_error", "unauthorized", "forbidden", "not_found", "message_too_large", "limit_exceeded", "rate_limited");

    /** Signs of a server-side failure leaking to the wire: an exception's name or a stack frame. */
    public static final Pattern LEAK = Pattern.compile("Exception|\\tat |java\\.|jakarta\\.|org\\.glassfish|io\\.undertow|com\\.ibm"
            + "|org\\.eclipse|io\\.hauyna|internal_error");

    private static final List<String> FIELDS = List.of("type", "ref", "channel", "message", "metadata", "to", "group", "user",
            "state", "event", "data", "since", "from", "sender");

    private HostileFrames() {
    }

    /**
     * @param maxBytes the server's frame limit; some frames are a little over it
     * @return every kind of hostile frame
     */
    public static Arbitrary<String> frames(int maxBytes) {
        return Arbitraries.frequencyOf(
                Tuple.of(8, typedFrames()),
                Tuple.of(3, garbage()),
                Tuple.of(3, deepNesting(maxBytes)),
                Tuple.of(2, hugeNumbers()),
                Tuple.of(2, oddUnicode()),
                Tuple.of(1, padded(maxBytes)))
                .map(HostileFrames::sendable);
    }

    /**
     * A text frame is UTF-8 on the wire, which cannot carry a lone surrogate (a client's encoder
     * refuses it, and a container closes a frame of invalid UTF-8 with 1007): what a client can
     * send is the escape, so lone surrogates become {@code \}{@code uXXXX} text.
     */
    static String sendable(String text) {
        StringBuilder sendable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sendable.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sendable.append(String.format("\\u%04x", (int) c));
            } else {
                sendable.append(c);
            }
        }
        return sendable.toString();
    }

    /**
     * @return {@code count} frames drawn reproducibly from {@code seed}, for tests outside jqwik
     *         (the TCK runs under Arquillian's JUnit 5 extension)
     */
    public static List<String> sample(long seed, int count, int maxBytes) {
        // sampleStream() is jqwik's way to draw outside a property; it draws from the thread's
        // source of randomness, which create(seed) sets.
        SourceOfRandomness.create(String.valueOf(seed));
        return frames(maxBytes).sampleStream().limit(count).toList();
    }

    /** An object with a type and a random choice of the protocol's fields, each with any JSON value. */
    static Arbitrary<String> typedFrames() {
        Arbitrary<String> field = Combinators.combine(Arbitraries.of(FIELDS), fieldValue())
                .as((name, value) -> quote(name) + ":" + value);
        return Combinators.combine(Arbitraries.of(TYPES), field.list().ofMaxSize(6))
                .as((type, fields) -> {
                    StringBuilder frame = new StringBuilder("{\"type\":").append(quote(type));
                    fields.forEach(f -> frame.append(',').append(f));
                    return frame.append('}').toString();
                });
    }

    /** Plausible values most of the time, so that frames get past the first checks, and anything else. */
    private static Arbitrary<String> fieldValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("room:lobby", "room:calm", "notifications:bystander", "bystander", "attacker",
                        "admins", "a", "x".repeat(201), "room lobby", "räum", "../etc", "*", "").map(HostileFrames::quote)),
                Tuple.of(4, json(4)),
                Tuple.of(1, chain(40)),
                Tuple.of(1, Arbitraries.of("{\"offset\":-1,\"epoch\":null}", "{\"a\":null}", "[null]", "{}", "[]", "1e309", "-0",
                        "\"\\u0000\"", "\"\\ud800\"", "{\"\":{\"\":{}}}")));
    }

    /** Any JSON value, nested at most {@code depth} levels. */
    static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20).map(HostileFrames::quote),
                Arbitraries.strings().ascii().ofMaxLength(8).map(HostileFrames::quote),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "0"),
                Arbitraries.of("true", "false", "null", "0", "-1", "1.5e3"));
        return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(values -> "[" + String.join(",", values) + "]"),
                Combinators.combine(Arbitraries.strings().ofMaxLength(6).map(HostileFrames::quote), inner)
                        .as((key, value) -> key + ":" + value).list().ofMaxSize(4)
                        .map(entries -> "{" + String.join(",", entries) + "}")), 0, depth);
    }

    /** Arrays and objects nested up to {@code depth} levels with one value each: deep without growing wide. */
    static Arbitrary<String> chain(int depth) {
        return Combinators.combine(Arbitraries.integers().between(0, depth), Arbitraries.of("[", "{\"k\":"), json(1))
                .as((levels, open, leaf) -> open.repeat(levels) + leaf + (open.equals("[") ? "]" : "}").repeat(levels));
    }

    /** Not JSON, or nearly: random text, truncated objects, stray punctuation. */
    static Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,\\ntrufalse0123456789-+.eE ").ofMaxLength(200),
                Combinators.combine(typedFrames(), Arbitraries.integers().between(0, 400))
                        .as((frame, cut) -> frame.substring(0, Math.min(cut, frame.length()))),
                typedFrames().map(frame -> frame + frame),
                Arbitraries.of("", " ", "null", "[]", "\"type\"", "{\"type\":\"ping\"}garbage", "{\"type\":\"ping\",}", "\uFEFF{\"type\":\"ping\"}"));
    }

    /** Arrays and objects nested up to thousands of levels, closed or not, alone or inside a frame. */
    static Arbitrary<String> deepNesting(int maxBytes) {
        Arbitrary<Integer> levels = Arbitraries.oneOf(Arbitraries.integers().between(1, 64),
                Arbitraries.integers().between(1, Math.max(2, maxBytes / 2 + 10)));
        return Combinators.combine(levels, Arbitraries.of("[", "{\"a\":", "[{\"b\":"), Arbitraries.of(true, false),
                        Arbitraries.of("", "{\"type\":\"channel_message\",\"channel\":\"room:lobby\",\"message\":",
                                "{\"type\":\"presence_update\",\"state\":{\"x\":", "{\"type\":\"event\",\"event\":\"e\",\"data\":"))
                .as((depth, open, closed, prefix) -> {
                    String close = open.equals("[") ? "]" : open.equals("{\"a\":") ? "}" : "}]";
                    String innermost = open.equals("[") ? "" : "1";
                    int times = Math.max(1, Math.min(depth, maxBytes / open.length()));
                    String body = open.repeat(times) + (closed ? innermost + close.repeat(times) : "");
                    String end = !closed || prefix.isEmpty() ? "" : prefix.contains("\"state\"") ? "}}" : "}";
                    return prefix + body + end;
                });
    }

    /** Numbers with hundreds of digits or exponents, in every field a number may reach. */
    static Arbitrary<String> hugeNumbers() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 5000).map(digits -> "9".repeat(digits)),
                Arbitraries.integers().between(1, 999_999_999).map(exponent -> "1e" + exponent),
                Arbitraries.integers().between(1, 999_999_999).map(exponent -> "-1.5E-" + exponent),
                Arbitraries.of("0.0000000000000000000000000000001", "-0", "1e308", "1e-400", "123456789012345678901234567890"));
        return Combinators.combine(Arbitraries.of("ref", "message", "data", "state", "metadata", "channel"), number)
                .as((field, value) -> "{\"type\":\"" + (field.equals("state") ? "presence_update" : field.equals("metadata")
                        ? "subscribe_channel\",\"channel\":\"room:n" : field.equals("data") ? "event\",\"event\":\"e"
                        : "channel_message\",\"channel\":\"room:lobby") + "\",\"" + field + "\":"
                        + (field.equals("state") || field.equals("metadata") ? "{\"n\":" + value + "}" : value) + ",\"message\":1}");
    }

    /** Lone surrogates (raw and escaped), NUL, BOM, direction marks and combining characters in names and values. */
    static Arbitrary<String> oddUnicode() {
        Arbitrary<String> odd = Arbitraries.of("\\ud800", "\\udfff", "\\ud83d\\u0041", "\\u0000", "\\uFEFF", "\\u202E", "\u202E",
                "\uD83D\uDE00", "e\u0301\u0301\u0301", "\uFFFF", "\\u", "\\x41", "\\uZZZZ", "\\", "\u0000");
        Arbitrary<String> field = Arbitraries.of("type", "channel", "event", "to", "group", "message");
        return Combinators.combine(field, odd.list().ofMinSize(1).ofMaxSize(5), Arbitraries.of("ping", "subscribe_channel",
                        "event", "direct_message", "channel_message"))
                .as((name, pieces, type) -> "{\"type\":\"" + type + "\",\"" + name + "\":\"" + String.join("", pieces)
                        + "\",\"message\":\"" + String.join("", pieces) + "\",\"channel\":\"room:u\",\"event\":\"e\",\"to\":\"x\"}");
    }

    /** Valid-looking frames padded to any size around the limit, with one-, two-, three- and four-byte characters. */
    static Arbitrary<String> padded(int maxBytes) {
        return Combinators.combine(Arbitraries.integers().between(0, maxBytes + 64), Arbitraries.of("x", "é", "€", "\uD83D\uDE00"),
                        Arbitraries.of("ping", "channel_message", "event"))
                .as((bytes, character, type) -> {
                    int characterBytes = character.equals("x") ? 1 : character.equals("é") ? 2 : character.equals("€") ? 3 : 4;
                    String pad = character.repeat(Math.max(0, bytes / characterBytes - 80));
                    return "{\"type\":\"" + type + "\",\"channel\":\"room:lobby\",\"event\":\"e\",\"message\":\"" + pad + "\",\"ref\":\"p\"}";
                });
    }

    /** Asserts that an error answer carries a client error type and nothing of the server's insides; other frames pass. */
    public static void assertIsAClientAnswer(String answer) {
        JsonObject frame = Json.createReader(new StringReader(answer)).readObject();
        if (frame.containsKey("error_type")) {
            assertThat(CLIENT_ERROR_TYPES).as("error type of %s", answer).contains(frame.getString("error_type"));
            assertThat(frame.getString("message")).as("message of %s", answer).doesNotContainPattern(LEAK);
        }
    }

    /**
     * Asserts that {@code bystander}'s message to {@code room:calm}, where {@code listener} is too,
     * is accepted and delivered, whatever else either has received meanwhile.
     */
    public static void assertBystanderStillChats(TestClient bystander, TestClient listener, String when) {
        String text = "still here " + when;
        bystander.send("{\"type\":\"channel_message\",\"channel\":\"room:calm\",\"message\":\"" + text + "\",\"ref\":\"b\"}");
        assertThat(bystander.nextUntil(answer -> answer.contains("\"ref\":\"b\""))).last()
                .isEqualTo("{\"type\":\"reply\",\"ref\":\"b\",\"status\":\"ok\"}");
        assertThat(listener.nextUntil(answer -> answer.contains(text))).last()
                .isEqualTo("{\"type\":\"channel_message\",\"channel\":\"room:calm\",\"from\":\"bystander\",\"message\":\"" + text + "\"}");
    }

    /** @return the error type of an answer, or its frame type (and status) for anything else, for counting */
    public static String answerType(String answer) {
        JsonObject frame = Json.createReader(new StringReader(answer)).readObject();
        return frame.containsKey("error_type") ? frame.getString("error_type")
                : frame.getString("type") + (frame.containsKey("status") ? " " + frame.getString("status") : "");
    }

    /** A JSON string literal of any Java string; lone surrogates stay as they are. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
