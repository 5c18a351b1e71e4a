/** Hauyna's figures as OpenTelemetry metrics (MicroProfile Telemetry 2); added only where the server has the API. */
package io.hauyna.jakarta.internal.integration.otel;
