package io.hauyna.jakarta;

/**
 * What this node of the application has done and holds now, for dashboards and alerts. Inject it
 * anywhere ({@code @Inject HauynaStats stats}); the same figures are in JMX as
 * {@code io.hauyna:type=Hauyna,app=<context path>} and, where the server offers them, in
 * MicroProfile Metrics and OpenTelemetry (see the README's Operations section).
 *
 * <p>The counters are always on and cost one uncontended addition on the paths they count. They
 * start at zero when the application starts and carry no per-user or per-channel labels. Reading
 * is safe from any thread, at any rate a dashboard needs (it walks the open connections once, to
 * sum their queues).
 *
 * @since 0.3
 */
public interface HauynaStats {

    /**
     * @return the counters and gauges of this node now: each figure is exact, but they are not
     *         read at one instant, so two related figures may differ by what happened meanwhile
     */
    StatsSnapshot snapshot();
}
