/**
 * Hauyna's always-on counters: {@link io.hauyna.jakarta.internal.metrics.HauynaMetrics} holds them, the
 * layers below count into it on their hot paths. It depends on nothing else of Hauyna, so every
 * layer may use it; reading and exporting them happens in {@code internal.ops}.
 */
package io.hauyna.jakarta.internal.metrics;
