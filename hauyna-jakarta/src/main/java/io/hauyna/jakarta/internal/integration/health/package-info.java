/**
 * Hauyna's MicroProfile Health checks; added only where the server has MicroProfile Health.
 * They report {@link io.hauyna.jakarta.internal.ops.HealthState}.
 */
package io.hauyna.jakarta.internal.integration.health;
