package io.hauyna.jakarta;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the heartbeat settings ({@link HauynaConfigKeys#HEARTBEAT_INTERVAL},
 * {@link HauynaConfigKeys#HEARTBEAT_TIMEOUT}) for one endpoint:
 *
 * <pre>{@code
 * @Heartbeat(interval = 10, timeout = 25)
 * @ServerEndpoint(value = "/ticker", configurator = HauynaConfigurator.class)
 * public class TickerEndpoint { ... }
 * }</pre>
 *
 * @since 0.1
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Heartbeat {

    /** @return seconds between WebSocket pings to each connection; 0 sends none */
    long interval();

    /** @return seconds without any frame or pong from the client before it is closed; 0 never closes */
    long timeout();
}
