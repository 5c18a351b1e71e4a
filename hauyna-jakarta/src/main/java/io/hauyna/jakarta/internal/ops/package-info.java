/**
 * What operators see: the {@link io.hauyna.jakarta.HauynaStats} bean, which puts the counters of
 * {@code internal.metrics} together with the registries' gauges, and its JMX MXBean. This is the
 * top layer: it reads every other one, and nothing below depends on it.
 */
package io.hauyna.jakarta.internal.ops;
