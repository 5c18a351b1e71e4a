package io.hauyna.jakarta.internal.protocol;

import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.GroupPermission;
import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.HauynaException;
import io.hauyna.jakarta.HauynaProtocol;
import io.hauyna.jakarta.MessageRejected;
import io.hauyna.jakarta.internal.FailureLog;
import io.hauyna.jakarta.internal.Texts;
import io.hauyna.jakarta.internal.channel.ChannelHistories;
import io.hauyna.jakarta.internal.channel.ChannelNames;
import io.hauyna.jakarta.internal.channel.ChannelRegistry;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.config.Limits;
import io.hauyna.jakarta.internal.connection.ConnectionRegistry;
import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.connection.Fanout;
import io.hauyna.jakarta.internal.connection.LiveConnection;
import io.hauyna.jakarta.internal.connection.Target;
import io.hauyna.jakarta.internal.event.EventDispatcher;
import io.hauyna.jakarta.internal.event.SystemEvents;
import io.hauyna.jakarta.internal.presence.PresenceRegistry;
import io.hauyna.jakarta.spi.ChannelAuthorizer;
import io.hauyna.jakarta.spi.ChannelDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.websocket.Session;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link HauynaProtocol} bean: checks the structure of every frame, dispatches it by type, and
 * answers with exactly one reply when the frame has a {@code ref}, or an error frame when it has
 * none and fails.
 */
@ApplicationScoped
public class ProtocolHandler implements HauynaProtocol {

    private static final Logger LOG = Logger.getLogger(ProtocolHandler.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final ChannelAuthorizer DEFAULT_AUTHORIZER = new ChannelAuthorizer() {
    };
    private static final List<String> TYPES = List.of("subscribe_channel", "unsubscribe_channel", "channel_message",
            "direct_message", "group_message", "group_kick", "presence_update", "event", "ping");
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    /** Hauyna's epochs have 12 characters; a grid's may be longer, none this long. */
    private static final int MAX_EPOCH_CHARS = 64;

    @Inject
    ConnectionRegistry connections;

    @Inject
    ChannelRegistry channels;

    @Inject
    Fanout fanout;

    @Inject
    ChannelHistories histories;

    @Inject
    PresenceRegistry presence;

    @Inject
    EventDispatcher events;

    @Inject
    SystemEvents systemEvents;

    @Inject
    HauynaSettings settings;

    @Inject
    MessageInterceptors interceptors;

    @Inject
    FailureLog failures;

    @Inject
    @Any
    Instance<ChannelAuthorizer> authorizers;

    @Override
    public void handle(Session session, String text) {
        LiveConnection connection = connections.live(session).orElse(null);
        if (connection == null) {
            LOG.fine(() -> "Ignoring a frame from unregistered session " + session.getId());
            return;
        }
        connection.seen();
        connection.speaksProtocol();
        JsonValue ref = null;
        try {
            requireSize(text);
            FrameScanner.check(text, settings.inboundMaxDepth());
            JsonObject frame = parse(text);
            ref = refOf(frame);
            frame = interceptors.apply(connection, frame);
            ref = refOf(frame);
            if (!"ping".equals(frame.get("type") instanceof JsonString type ? type.getString() : null)) {
                connections.active(connection);
            }
            String reply = dispatch(connection, frame, ref);
            if (reply != null) {
                connection.offer(EncodedMessage.of(reply));
            }
        } catch (ProtocolError error) {
            reject(connection, error.type(), error.getMessage(), ref, Map.of());
        } catch (HauynaException refused) {
            reject(connection, refused.errorType(), refused.getMessage(), ref, refused.details());
        } catch (RuntimeException unexpected) {
            failures.log("Handling a frame from " + connection + " failed", unexpected);
            reject(connection, ErrorType.INTERNAL_ERROR, "The server failed to handle this frame; the cause is in its log", ref, Map.of());
        }
    }

    private void reject(LiveConnection connection, ErrorType type, String message, JsonValue ref, Map<String, Object> details) {
        connection.offer(EncodedMessage.of(Frames.error(type, message, ref, details)));
        systemEvents.fire(new MessageRejected(connection.id(), connection.identifier(), type, message));
    }

    /** @return the reply to send to the sender, or {@code null} for none */
    private String dispatch(LiveConnection connection, JsonObject frame, JsonValue ref) {
        String type = requiredString(frame, "type");
        switch (type) {
            case "subscribe_channel" -> {
                if (subscribe(connection, frame, ref)) {
                    return null;
                }
            }
            case "unsubscribe_channel" -> channels.unsubscribe(channelOf(frame), connection);
            case "channel_message" -> {
                String position = publish(connection, frame);
                if (position != null) {
                    return ref == null ? null : Frames.ok(ref, position);
                }
            }
            case "direct_message" -> directMessage(connection, frame);
            case "group_message" -> groupMessage(connection, frame);
            case "group_kick" -> groupKick(connection, frame);
            case "presence_update" -> presence.mergeConnectionState(connection, requiredObject(frame, "state"),
                    settings.maxPresenceStateBytes());
            case "ping" -> {
                return Frames.pong(ref);
            }
            case "event" -> {
                events.fromClient(connection, eventNameOf(frame), frame.getOrDefault("data", JsonValue.NULL), ref);
                return null;
            }
            default -> throw new ProtocolError(ErrorType.UNKNOWN_TYPE, "Unknown type '" + abbreviate(type)
                    + "': use one of " + String.join(", ", TYPES));
        }
        return ref == null ? null : Frames.ok(ref);
    }

    /** @return whether the reply has been sent already (a history channel answers with its position itself) */
    private boolean subscribe(LiveConnection connection, JsonObject frame, JsonValue ref) {
        String channel = channelOf(frame);
        requireMetadataWithinLimit(frame.get("metadata"));
        Map<String, Object> metadata = optionalObject(frame, "metadata");
        Optional<ChannelHistories.Position> since = sinceOf(frame);
        requireNotPrivate(connection, channel);
        requireSubscriptionWithinLimit(connection, channel);
        require(decide(authorizer -> authorizer.authorizeJoin(connection, channel, metadata)));
        if (histories.covers(channel)) {
            histories.subscribe(channel, connection, metadata, since, ref);
            return true;
        }
        channels.subscribe(channel, connection, metadata);
        if (since.isPresent() && ref != null) {
            // Its history may have been switched off by a redeploy: the client learns it has to reload, and stays joined.
            connection.offer(EncodedMessage.of(Frames.ok(ref, "{\"recovered\":false,\"reason\":\"no_history\"}")));
            return true;
        }
        return false;
    }

    /** {@code "since": {"offset": N, "epoch": "..."}}: the last position a resuming client received. */
    private static Optional<ChannelHistories.Position> sinceOf(JsonObject frame) {
        JsonValue since = frame.get("since");
        if (since == null || since == JsonValue.NULL) {
            return Optional.empty();
        }
        if (since instanceof JsonObject position && position.get("offset") instanceof JsonNumber offset && offset.isIntegral()
                && position.get("epoch") instanceof JsonString epoch && epoch.getString().length() <= MAX_EPOCH_CHARS) {
            try {
                long value = offset.longValueExact();
                if (value >= 0) {
                    return Optional.of(new ChannelHistories.Position(value, epoch.getString()));
                }
            } catch (ArithmeticException beyondLong) {
                // Falls through to the error below: no stream ever gets that far.
            }
        }
        throw new ProtocolError(ErrorType.INVALID_MESSAGE, "'since' must be {\"offset\": <whole number of at least 0>, "
                + "\"epoch\": <the epoch of the channel's replies, at most " + MAX_EPOCH_CHARS + " characters>}");
    }

    /** A connection's frames are handled one at a time, so counting first cannot be raced by its own frames. */
    private void requireSubscriptionWithinLimit(LiveConnection connection, String channel) {
        int max = settings.maxSubscriptionsPerConnection();
        if (max > 0 && !channels.isSubscribed(channel, connection) && channels.subscriptionCount(connection) >= max) {
            throw Limits.exceeded("This connection has joined " + max + " channels; leave one first",
                    "subscriptions-per-connection", max, HauynaConfigKeys.LIMITS_SUBSCRIPTIONS_PER_CONNECTION);
        }
    }

    private void requireMetadataWithinLimit(JsonValue metadata) {
        int max = settings.maxSubscriptionMetadataBytes();
        long bytes = max > 0 && metadata != null ? EncodedMessage.utf8Length(metadata.toString()) : 0;
        if (bytes > max && max > 0) {
            throw Limits.exceeded("The subscription metadata has " + bytes + " bytes as JSON; send less", "subscription-metadata-bytes", max, HauynaConfigKeys.LIMITS_SUBSCRIPTION_METADATA_BYTES);
        }
    }

    /** @return the message's position in a history channel, as reply data; {@code null} elsewhere */
    private String publish(LiveConnection connection, JsonObject frame) {
        String channel = channelOf(frame);
        JsonValue message = required(frame, "message");
        requireNotPrivate(connection, channel);
        boolean subscribed = channels.isSubscribed(channel, connection);
        require(decide(authorizer -> authorizer.authorizePublish(connection, channel, subscribed)));
        String encoded = Frames.channelMessage(channel, connection.identifier(), message);
        Target.Channel target = new Target.Channel(channel, connection.id());
        if (histories.covers(channel)) {
            return histories.publish(target, encoded).replyData();
        }
        fanout.send(target, EncodedMessage.of(encoded));
        return null;
    }

    private void directMessage(LiveConnection connection, JsonObject frame) {
        String to = requiredString(frame, "to");
        JsonValue message = required(frame, "message");
        if (connection.anonymous()) {
            throw new ProtocolError(ErrorType.UNAUTHORIZED, "Anonymous connections cannot send direct messages: sign in and reconnect");
        }
        int delivered = connections.sendTo(to, Frames.directMessage(connection.identifier(), message));
        if (delivered == 0 && !connections.connectedElsewhere(to)) {
            throw new ProtocolError(ErrorType.NOT_FOUND, "User '" + abbreviate(to) + "' is not connected");
        }
    }

    private void groupMessage(LiveConnection connection, JsonObject frame) {
        String group = requiredString(frame, "group");
        JsonValue message = required(frame, "message");
        requirePermission(connection, group, GroupPermission.GROUP_MESSAGE);
        fanout.send(new Target.Group(group, null, connection.id()),
                EncodedMessage.of(Frames.groupMessage(group, connection.identifier(), message)));
    }

    private void groupKick(LiveConnection connection, JsonObject frame) {
        String group = requiredString(frame, "group");
        String user = requiredString(frame, "user");
        requirePermission(connection, group, GroupPermission.GROUP_KICK);
        if (!connections.removeFromGroup(user, group)) {
            throw new ProtocolError(ErrorType.NOT_FOUND, "User '" + abbreviate(user) + "' is not a member of group '" + abbreviate(group) + "'");
        }
        connections.sendTo(user, Frames.groupKicked(group, connection.identifier()));
    }

    /** Membership first (a non-member learns nothing about roles), then the role's permission. */
    private void requirePermission(LiveConnection connection, String group, GroupPermission permission) {
        String role = connections.roleIn(connection.identifier(), group).orElseThrow(() -> new ProtocolError(ErrorType.FORBIDDEN,
                "You are not a member of group '" + abbreviate(group) + "'"));
        if (!settings.permissionsOf(role).contains(permission)) {
            throw new HauynaException(ErrorType.FORBIDDEN, "Your role '" + abbreviate(role) + "' in group '" + abbreviate(group)
                    + "' lacks permission '" + permission.wireName() + "'",
                    permissionDetails(permission, group, role));
        }
    }

    /** In a fixed order, so the wire bytes are stable. */
    private static Map<String, Object> permissionDetails(GroupPermission permission, String group, String role) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("permission", permission.wireName());
        details.put("group", group);
        details.put("role", role);
        return details;
    }

    private void requireNotPrivate(LiveConnection connection, String channel) {
        settings.privateChannels().refusal(connection, channel).ifPresent(refusal -> {
            throw new ProtocolError(connection.anonymous() ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN,
                    connection.anonymous() ? refusal + "; sign in first" : refusal);
        });
    }

    /** Every authorizer must allow; without application authorizers, the documented defaults decide. */
    private ChannelDecision decide(Function<ChannelAuthorizer, ChannelDecision> question) {
        if (authorizers.isUnsatisfied()) {
            return question.apply(DEFAULT_AUTHORIZER);
        }
        for (ChannelAuthorizer authorizer : authorizers) {
            ChannelDecision decision = question.apply(authorizer);
            if (decision == null || !decision.allowed()) {
                return decision == null ? ChannelDecision.deny("Refused") : decision;
            }
        }
        return ChannelDecision.allow();
    }

    private static void require(ChannelDecision decision) {
        if (!decision.allowed()) {
            throw new ProtocolError(ErrorType.FORBIDDEN, decision.reason());
        }
    }

    /** Checked before parsing, so that an oversized frame costs no parse. */
    private void requireSize(String text) {
        int limit = settings.inboundMaxMessageBytes();
        if (text.length() > limit || EncodedMessage.utf8Length(text) > limit) {
            throw new ProtocolError(ErrorType.MESSAGE_TOO_LARGE, "The frame has " + EncodedMessage.utf8Length(text)
                    + " bytes; the limit is " + limit + ": send less per frame");
        }
    }

    /** Exactly one JSON value, which must be an object; trailing content is invalid. */
    private static JsonObject parse(String text) {
        JsonValue value;
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new ProtocolError(ErrorType.INVALID_JSON, "The frame is empty: send a JSON object");
            }
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new ProtocolError(ErrorType.INVALID_JSON, "The frame has content after its JSON value: send one object per frame");
            }
        } catch (JsonParsingException notJson) {
            throw new ProtocolError(ErrorType.INVALID_JSON, "The frame is not valid JSON: " + Texts.shortened(notJson.getMessage(), 200));
        } catch (ProtocolError alreadyExplained) {
            throw alreadyExplained;
        } catch (RuntimeException notJson) {
            // JsonException, or whatever else a server's parser throws for text it refuses: the text is the client's.
            throw new ProtocolError(ErrorType.INVALID_JSON, "The frame is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProtocolError(ErrorType.INVALID_MESSAGE, "A frame must be a JSON object with a \"type\" field, not "
                    + value.getValueType().name().toLowerCase());
        }
        return value.asJsonObject();
    }

    private static JsonValue refOf(JsonObject frame) {
        JsonValue ref = frame.get("ref");
        if (ref == null) {
            return null;
        }
        if (ref instanceof JsonString || ref instanceof JsonNumber) {
            return ref;
        }
        throw new ProtocolError(ErrorType.INVALID_MESSAGE, "Field 'ref' must be a string or a number");
    }

    private static String channelOf(JsonObject frame) {
        String channel = requiredString(frame, "channel");
        if (!ChannelNames.isValid(channel)) {
            throw new ProtocolError(ErrorType.VALIDATION_ERROR, ChannelNames.problem(channel));
        }
        return channel;
    }

    private static String eventNameOf(JsonObject frame) {
        String name = requiredString(frame, "event");
        if (!EVENT_NAME.matcher(name).matches()) {
            throw new ProtocolError(ErrorType.VALIDATION_ERROR, "Event name '" + abbreviate(name)
                    + "' is invalid: use 1 to 100 letters, digits, '_', '.', ':' or '-'");
        }
        return name;
    }

    private static JsonValue required(JsonObject frame, String field) {
        JsonValue value = frame.get(field);
        if (value == null) {
            throw new ProtocolError(ErrorType.INVALID_MESSAGE, "Field '" + field + "' is missing");
        }
        return value;
    }

    private static String requiredString(JsonObject frame, String field) {
        JsonValue value = required(frame, field);
        if (!(value instanceof JsonString string)) {
            throw new ProtocolError(ErrorType.INVALID_MESSAGE, "Field '" + field + "' must be a string");
        }
        return string.getString();
    }

    private static Map<String, Object> requiredObject(JsonObject frame, String field) {
        required(frame, field);
        return optionalObject(frame, field);
    }

    private static Map<String, Object> optionalObject(JsonObject frame, String field) {
        JsonValue value = frame.get(field);
        if (value == null) {
            return Map.of();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProtocolError(ErrorType.INVALID_MESSAGE, "Field '" + field + "' must be an object");
        }
        try {
            return JsonValues.toMap(value.asJsonObject());
        } catch (IllegalArgumentException hasNull) {
            throw new ProtocolError(ErrorType.VALIDATION_ERROR, "Field '" + field + "' " + hasNull.getMessage());
        }
    }

    private static String abbreviate(String text) {
        return Texts.shortened(text, 60);
    }
}
