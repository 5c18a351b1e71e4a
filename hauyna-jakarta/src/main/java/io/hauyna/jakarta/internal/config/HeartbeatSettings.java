package io.hauyna.jakarta.internal.config;

import io.hauyna.jakarta.Heartbeat;

import java.time.Duration;

/** One connection's heartbeat: the endpoint's {@link Heartbeat} if it has one, else the configuration. */
public record HeartbeatSettings(Duration interval, Duration timeout) {

    public static HeartbeatSettings of(Class<?> endpointClass, HauynaSettings settings) {
        Heartbeat annotation = endpointClass == null ? null : endpointClass.getAnnotation(Heartbeat.class);
        return annotation == null
                ? settings.heartbeat()
                : new HeartbeatSettings(Duration.ofSeconds(annotation.interval()), Duration.ofSeconds(annotation.timeout()));
    }

    public boolean pings() {
        return !interval.isZero();
    }

    public boolean timesOut() {
        return !timeout.isZero();
    }
}
