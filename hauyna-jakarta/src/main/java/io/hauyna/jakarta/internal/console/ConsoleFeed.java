package io.hauyna.jakarta.internal.console;

import io.hauyna.jakarta.Connection;
import io.hauyna.jakarta.HauynaProtocol;
import io.hauyna.jakarta.RouteHandler;
import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.connection.ConnectionRegistry;
import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.connection.LiveConnection;
import io.hauyna.jakarta.internal.metrics.HauynaMetrics;
import io.hauyna.jakarta.internal.ops.ApplicationStarted;
import io.hauyna.jakarta.internal.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's feed: the handler of the route {@code /hauyna/console/live}, deployed only while
 * the console is on. Each connection gets the view ({@link ConsoleView}) when it opens and then
 * once a second, as the event {@value #EVENT}; the view is encoded once per second for all of
 * them. Frames a console sends are Hauyna's protocol (the page only pings).
 */
@ApplicationScoped
public class ConsoleFeed implements RouteHandler {

    /** The name of the event that carries the view. */
    public static final String EVENT = "hauyna.console";
    static final Duration PERIOD = Duration.ofSeconds(1);

    @Inject
    HauynaSettings settings;

    @Inject
    HauynaScheduler scheduler;

    @Inject
    ConsoleView view;

    @Inject
    HauynaMetrics metrics;

    @Inject
    ConnectionRegistry connections;

    @Inject
    HauynaProtocol protocol;

    private final ConnectionHistory history = new ConnectionHistory();
    private final Set<LiveConnection> watching = ConcurrentHashMap.newKeySet();
    private volatile String application = "";

    void start(@Observes ApplicationStarted started) {
        application = started.application();
        if (settings.consoleEnabled()) {
            scheduler.scheduleRepeatedly(this::tick, PERIOD);
        }
    }

    @Override
    public void onOpen(Connection connection) {
        LiveConnection live = (LiveConnection) connection;
        watching.add(live);
        live.offer(frame());
    }

    @Override
    public void onMessage(Connection connection, String message) {
        protocol.handle(connection.session(), message);
    }

    @Override
    public void onClose(Connection connection, CloseReason reason) {
        watching.remove(connection);
    }

    /** Samples the load, and sends the view to every console connection. */
    void tick() {
        HauynaMetrics.Counters counters = metrics.read();
        history.sample(Instant.now().getEpochSecond(), connections.all().size(), counters.deliveries(), counters.framesReceived());
        // A connection closed by Hauyna (heartbeat timeout) may leave without onClose.
        watching.removeIf(LiveConnection::unregistered);
        if (!watching.isEmpty()) {
            EncodedMessage frame = frame();
            watching.forEach(connection -> connection.offer(frame));
        }
    }

    private EncodedMessage frame() {
        return EncodedMessage.of(Frames.event(EVENT, view.render(application, history.samples())));
    }
}
