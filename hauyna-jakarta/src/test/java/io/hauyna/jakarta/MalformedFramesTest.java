package io.hauyna.jakarta;

import io.hauyna.jakarta.testing.HauynaServer;
import io.hauyna.jakarta.testing.ProtocolEndpoint;
import io.hauyna.jakarta.testing.TestClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static io.hauyna.jakarta.testing.ProtocolEndpoint.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Fifty-odd malformed or hostile frames, each answered with its exact error type, while a second
 * client keeps chatting undisturbed and nothing changes on the server.
 */
class MalformedFramesTest {

    static final int LIMIT = 1024;

    @org.junit.jupiter.api.extension.RegisterExtension
    static HauynaServer server = HauynaServer.serving(ProtocolEndpoint.class)
            .withBeans(StrictObserver.class)
            .with(HauynaConfigKeys.IDENTITY_QUERY_PARAMETER, "user_id")
            .with(HauynaConfigKeys.INBOUND_MAX_MESSAGE_BYTES, String.valueOf(LIMIT))
            // 59 cases in a row from the same clients: this test is about malformed frames, not pace.
            .with(HauynaConfigKeys.RATE_LIMIT_PER_SECOND, "0");

    /** An observer that refuses with a typed exception. */
    @ApplicationScoped
    public static class StrictObserver {
        void strict(@Observes @HauynaEvent("strict") ClientEvent event) {
            throw new HauynaException(ErrorType.VALIDATION_ERROR, "strict refuses everything");
        }
    }

    static TestClient attacker;
    static TestClient chatter;
    static TestClient listener;

    @BeforeAll
    static void connect() {
        attacker = ProtocolEndpoint.connectAs(server, "attacker");
        chatter = ProtocolEndpoint.connectAs(server, "chatter");
        listener = ProtocolEndpoint.connectAs(server, "listener");
        join(chatter, "room:calm", "{}");
        join(listener, "room:calm", "{}");
    }

    @AfterAll
    static void disconnect() {
        Stream.of(attacker, chatter, listener).forEach(TestClient::close);
    }

    static Stream<Arguments> frames() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String deepWithinSize = "[".repeat(400) + "]".repeat(400);
        String deepMessage = "{\"type\":\"channel_message\",\"channel\":\"x\",\"message\":" + deepWithinSize + "}";
        String deepUnclosed = "{\"type\":\"ping\",\"x\":" + "{\"a\":".repeat(150);
        String nestedPastTheLimit = "{\"type\":\"ping\",\"x\":" + "[".repeat(32) + "]".repeat(32) + "}";
        String huge = "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(LIMIT) + "\"}";
        String hugeMultibyte = "{\"type\":\"ping\",\"pad\":\"" + "€".repeat(LIMIT / 3 + 1) + "\"}";
        return Stream.of(
                arguments("empty text", "", "invalid_json"),
                arguments("whitespace", "   ", "invalid_json"),
                arguments("plain words", "hello", "invalid_json"),
                arguments("truncated object", "{\"type\":\"ping\"", "invalid_json"),
                arguments("trailing comma", "{\"type\":\"ping\",}", "invalid_json"),
                arguments("single quotes", "{'type':'ping'}", "invalid_json"),
                arguments("unquoted key", "{type:\"ping\"}", "invalid_json"),
                arguments("two objects", "{\"type\":\"ping\"}{\"type\":\"ping\"}", "invalid_json"),
                arguments("deep nesting, over the size limit", deep, "message_too_large"),
                arguments("deep nesting within the size limit", deepWithinSize, "invalid_message"),
                arguments("deep nesting inside a message", deepMessage, "invalid_message"),
                arguments("deep nesting never closed", deepUnclosed, "invalid_message"),
                arguments("one level past the nesting limit", nestedPastTheLimit, "invalid_message"),
                arguments("a number of 101 digits", "{\"type\":\"ping\",\"x\":" + "9".repeat(101) + "}", "invalid_message"),
                arguments("an exponent of 4 digits", "{\"type\":\"ping\",\"x\":1e1000}", "invalid_message"),
                arguments("a huge exponent", "{\"type\":\"ping\",\"x\":1E999999999}", "invalid_message"),
                arguments("an escaped lone high surrogate", "{\"type\":\"ping\",\"x\":\"\\ud800\"}", "invalid_json"),
                arguments("an escaped lone low surrogate", "{\"type\":\"ping\",\"x\":\"\\udc00x\"}", "invalid_json"),
                arguments("a high surrogate then a letter", "{\"type\":\"ping\",\"x\":\"\\ud83d\\u0041\"}", "invalid_json"),
                arguments("NaN literal", "{\"type\":\"ping\",\"ref\":NaN}", "invalid_json"),
                arguments("a number", "42", "invalid_message"),
                arguments("a string", "\"ping\"", "invalid_message"),
                arguments("an array", "[{\"type\":\"ping\"}]", "invalid_message"),
                arguments("null", "null", "invalid_message"),
                arguments("true", "true", "invalid_message"),
                arguments("empty object", "{}", "invalid_message"),
                arguments("type null", "{\"type\":null}", "invalid_message"),
                arguments("type number", "{\"type\":1}", "invalid_message"),
                arguments("type object", "{\"type\":{}}", "invalid_message"),
                arguments("type array", "{\"type\":[\"ping\"]}", "invalid_message"),
                arguments("ref object", "{\"type\":\"ping\",\"ref\":{}}", "invalid_message"),
                arguments("ref array", "{\"type\":\"ping\",\"ref\":[1]}", "invalid_message"),
                arguments("ref boolean", "{\"type\":\"ping\",\"ref\":true}", "invalid_message"),
                arguments("unknown type", "{\"type\":\"teleport\"}", "unknown_type"),
                arguments("type in capitals", "{\"type\":\"PING\"}", "unknown_type"),
                arguments("empty type", "{\"type\":\"\"}", "unknown_type"),
                arguments("huge type", "{\"type\":\"" + "t".repeat(500) + "\"}", "unknown_type"),
                arguments("subscribe without channel", "{\"type\":\"subscribe_channel\"}", "invalid_message"),
                arguments("channel null", "{\"type\":\"subscribe_channel\",\"channel\":null}", "invalid_message"),
                arguments("channel number", "{\"type\":\"subscribe_channel\",\"channel\":5}", "invalid_message"),
                arguments("channel empty", "{\"type\":\"subscribe_channel\",\"channel\":\"\"}", "validation_error"),
                arguments("channel with space", "{\"type\":\"subscribe_channel\",\"channel\":\"a b\"}", "validation_error"),
                arguments("channel with slash", "{\"type\":\"subscribe_channel\",\"channel\":\"a/b\"}", "validation_error"),
                arguments("channel with unicode", "{\"type\":\"subscribe_channel\",\"channel\":\"räum\"}", "validation_error"),
                arguments("channel too long", "{\"type\":\"subscribe_channel\",\"channel\":\"" + "c".repeat(201) + "\"}", "validation_error"),
                arguments("metadata string", "{\"type\":\"subscribe_channel\",\"channel\":\"a\",\"metadata\":\"x\"}", "invalid_message"),
                arguments("metadata with null", "{\"type\":\"subscribe_channel\",\"channel\":\"a\",\"metadata\":{\"a\":[null]}}", "validation_error"),
                arguments("unsubscribe without channel", "{\"type\":\"unsubscribe_channel\"}", "invalid_message"),
                arguments("publish without message", "{\"type\":\"channel_message\",\"channel\":\"room:calm\"}", "invalid_message"),
                arguments("publish to a bad channel", "{\"type\":\"channel_message\",\"channel\":\"?\",\"message\":1}", "validation_error"),
                arguments("publish without joining", "{\"type\":\"channel_message\",\"channel\":\"room:calm\",\"message\":\"spam\"}", "forbidden"),
                arguments("direct without to", "{\"type\":\"direct_message\",\"message\":1}", "invalid_message"),
                arguments("direct to a number", "{\"type\":\"direct_message\",\"to\":7,\"message\":1}", "invalid_message"),
                arguments("direct without message", "{\"type\":\"direct_message\",\"to\":\"chatter\"}", "invalid_message"),
                arguments("direct to nobody", "{\"type\":\"direct_message\",\"to\":\"ghost\",\"message\":1}", "not_found"),
                arguments("group without group", "{\"type\":\"group_message\",\"message\":1}", "invalid_message"),
                arguments("group of a non-member", "{\"type\":\"group_message\",\"group\":\"admins\",\"message\":1}", "forbidden"),
                arguments("presence update without state", "{\"type\":\"presence_update\"}", "invalid_message"),
                arguments("presence state array", "{\"type\":\"presence_update\",\"state\":[1]}", "invalid_message"),
                arguments("presence state with null", "{\"type\":\"presence_update\",\"state\":{\"a\":null}}", "validation_error"),
                arguments("event without name", "{\"type\":\"event\"}", "invalid_message"),
                arguments("event name number", "{\"type\":\"event\",\"event\":3}", "invalid_message"),
                arguments("event name with space", "{\"type\":\"event\",\"event\":\"a b\"}", "validation_error"),
                arguments("event nobody handles", "{\"type\":\"event\",\"event\":\"ghost\"}", "not_found"),
                arguments("event refused by its observer", "{\"type\":\"event\",\"event\":\"strict\",\"data\":1}", "validation_error"),
                arguments("frame over the size limit", huge, "message_too_large"),
                arguments("multibyte frame over the size limit", hugeMultibyte, "message_too_large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void eachBadFrameGetsItsErrorTypeAndNothingElseHappens(String what, String frame, String errorType) {
        Map<String, ?> channelsBefore = Map.of("channels", server.bean(Channels.class).channels());

        attacker.send(frame);
        String error = attacker.next();

        assertThat(error).startsWith("{\"type\":\"error\",\"error_type\":\"" + errorType + "\",\"message\":\"");
        assertThat(error).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Map.of("channels", server.bean(Channels.class).channels())).isEqualTo(channelsBefore);
        chatter.send("{\"type\":\"channel_message\",\"channel\":\"room:calm\",\"message\":\"still here\",\"ref\":1}");
        assertThat(chatter.next()).isEqualTo("{\"type\":\"reply\",\"ref\":1,\"status\":\"ok\"}");
        assertThat(listener.next()).isEqualTo("{\"type\":\"channel_message\",\"channel\":\"room:calm\",\"from\":\"chatter\",\"message\":\"still here\"}");
    }

    static Stream<Arguments> framesJustWithinTheLimits() {
        return Stream.of(
                arguments("nested to the limit", "{\"type\":\"ping\",\"ref\":1,\"x\":" + "[".repeat(31) + "]".repeat(31) + "}"),
                arguments("brackets inside a string", "{\"type\":\"ping\",\"ref\":1,\"x\":\"" + "[{".repeat(300) + "\"}"),
                arguments("escaped quotes and brackets", "{\"type\":\"ping\",\"ref\":1,\"x\":\"\\\"[[[\\\\\"}"),
                arguments("a number of 100 characters", "{\"type\":\"ping\",\"ref\":1,\"x\":" + "9".repeat(100) + "}"),
                arguments("an exponent of 3 digits", "{\"type\":\"ping\",\"ref\":1,\"x\":-1.5e-308}"),
                arguments("an exponent with leading zeros", "{\"type\":\"ping\",\"ref\":1,\"x\":1E+0005}"),
                arguments("an escaped surrogate pair", "{\"type\":\"ping\",\"ref\":1,\"x\":\"\\ud83d\\ude00\"}"),
                arguments("a raw emoji", "{\"type\":\"ping\",\"ref\":1,\"x\":\"\uD83D\uDE00 ok\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framesJustWithinTheLimits")
    void framesJustWithinTheLimitsAreHandled(String what, String frame) {
        attacker.send(frame);

        assertThat(attacker.next()).isEqualTo("{\"type\":\"pong\",\"ref\":1}");
    }
}
