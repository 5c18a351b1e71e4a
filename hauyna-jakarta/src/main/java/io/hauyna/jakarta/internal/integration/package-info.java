/**
 * Integrations with APIs a server may or may not offer: MicroProfile Health, MicroProfile Metrics
 * and OpenTelemetry metrics (MicroProfile Telemetry 2). {@link io.hauyna.jakarta.internal.integration.OptionalIntegrations}
 * adds the classes of each subpackage as beans only when the API is there; the jar's
 * {@code beans.xml} keeps the subpackages out of bean scanning, so that a server without the API
 * never loads them.
 */
package io.hauyna.jakarta.internal.integration;
