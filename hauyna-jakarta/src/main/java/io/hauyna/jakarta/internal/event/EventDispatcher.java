package io.hauyna.jakarta.internal.event;

import io.hauyna.jakarta.ClientEvent;
import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.Events;
import io.hauyna.jakarta.HauynaEvent;
import io.hauyna.jakarta.HauynaException;
import io.hauyna.jakarta.internal.FailureLog;
import io.hauyna.jakarta.internal.HauynaExtension;
import io.hauyna.jakarta.internal.connection.ConnectionRegistry;
import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.connection.Fanout;
import io.hauyna.jakarta.internal.connection.LiveConnection;
import io.hauyna.jakarta.internal.connection.MessageEncoder;
import io.hauyna.jakarta.internal.connection.Target;
import io.hauyna.jakarta.internal.protocol.Frames;
import io.hauyna.jakarta.internal.protocol.PayloadValidation;
import io.hauyna.jakarta.spi.ClientEventValidator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.websocket.Session;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link Events} bean and the delivery of {@link ClientEvent}s: synchronous observers are
 * notified one by one in priority order, so that one can stop the rest; asynchronous observers are
 * then reached with {@code fireAsync}; the sender is answered once, when all of that is done.
 */
@ApplicationScoped
public class EventDispatcher implements Events {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    BeanManager beanManager;

    @Inject
    ConnectionRegistry connections;

    @Inject
    Fanout fanout;

    @Inject
    MessageEncoder encoder;

    @Inject
    PayloadValidation validation;

    @Inject
    FailureLog failures;

    @Inject
    HauynaExtension extension;

    /** Fixed once the application has started: observers are discovered at deployment. */
    private Set<String> observedNames;

    @PostConstruct
    void readObservedNames() {
        observedNames = extension.eventNames();
    }

    @Inject
    @Any
    Instance<ClientEventValidator> validators;

    /** Delivers a client's event frame; answers it (reply or error) in every case. */
    public void fromClient(LiveConnection connection, String name, JsonValue data, JsonValue ref) {
        ClientEventImpl event = new ClientEventImpl(name, data, connection.identifier(), connection, ref, encoder, validation);
        if (!deliver(event)) {
            event.fail(ErrorType.NOT_FOUND, "No handler for event '" + name + "': check the event name");
        }
    }

    @Override
    public boolean trigger(String name, Session session, Object data) {
        LiveConnection connection = connections.live(session).orElseThrow(() ->
                new IllegalStateException("Session " + session.getId() + " is not registered"));
        return deliver(new ClientEventImpl(name, toJson(data), connection.identifier(), connection, null, encoder, validation));
    }

    @Override
    public boolean trigger(String name, String identifier, Object data) {
        return deliver(new ClientEventImpl(name, toJson(data), identifier, null, null, encoder, validation));
    }

    @Override
    public int push(String identifier, String name, Object data) {
        return connections.sendTo(identifier, eventFrame(name, data));
    }

    @Override
    public int pushToChannel(String channel, String name, Object data) {
        return fanout.send(new Target.Channel(channel, null), EncodedMessage.of(eventFrame(name, data)));
    }

    @Override
    public int pushToGroup(String group, String name, Object data) {
        return connections.sendToGroup(group, eventFrame(name, data));
    }

    /** @return {@code false} if no observer handles the name (nothing was delivered) */
    private boolean deliver(ClientEventImpl event) {
        if (!observedNames.contains(event.name())) {
            // Checked first: the container caches every observer resolution, so resolving each
            // name a client makes up would grow that cache without bound.
            return false;
        }
        HauynaEvent qualifier = HauynaEvent.Literal.of(event.name());
        Set<ObserverMethod<? super ClientEventImpl>> observers = beanManager.resolveObserverMethods(event, qualifier);
        List<ObserverMethod<? super ClientEventImpl>> named = observers.stream().filter(o -> observes(o, event.name())).toList();
        if (named.isEmpty()) {
            return false;
        }
        try {
            for (ClientEventValidator validator : validators) {
                validator.validate(event);
            }
            for (ObserverMethod<? super ClientEventImpl> observer : observers) {
                if (event.propagationStopped()) {
                    break;
                }
                if (!observer.isAsync()) {
                    observer.notify(event);
                }
            }
        } catch (RuntimeException failure) {
            failed(event, failure);
            return true;
        }
        if (!event.propagationStopped() && observers.stream().anyMatch(ObserverMethod::isAsync)) {
            beanManager.getEvent().select(ClientEvent.class, qualifier).fireAsync(event)
                    .whenComplete((delivered, failure) -> {
                        if (failure != null) {
                            failed(event, failure);
                        } else {
                            event.finish();
                        }
                    });
            return true;
        }
        event.finish();
        return true;
    }

    private static boolean observes(ObserverMethod<?> observer, String name) {
        return observer.getObservedQualifiers().stream()
                .anyMatch(q -> q instanceof HauynaEvent hauynaEvent && hauynaEvent.value().equals(name));
    }

    /** A HauynaException (possibly wrapped by the container) is the observer's typed answer; anything else is a bug. */
    private void failed(ClientEventImpl event, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HauynaException typed) {
                event.fail(typed);
                return;
            }
        }
        failures.log("An observer of " + event + " failed", failure);
        event.fail(ErrorType.INTERNAL_ERROR, "The server failed to handle event '" + event.name() + "'; the cause is in its log");
    }

    /** Data is JSON in the frame: a String is sent as a JSON string, not as raw text; encoded once, not re-parsed. */
    private String eventFrame(String name, Object data) {
        String json;
        if (data == null) {
            json = "null";
        } else if (data instanceof String text) {
            json = JSON.createValue(text).toString();
        } else {
            json = encoder.encode(data).text();
        }
        return Frames.event(name, json);
    }

    private JsonValue toJson(Object data) {
        if (data == null) {
            return JsonValue.NULL;
        }
        if (data instanceof String text) {
            return JSON.createValue(text);
        }
        try (var reader = JSON.createReader(new StringReader(encoder.encode(data).text()))) {
            return reader.readValue();
        }
    }
}
