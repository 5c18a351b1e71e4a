/** Hauyna's figures in MicroProfile Metrics 5; added only where the server has it. */
package io.hauyna.jakarta.internal.integration.mpmetrics;
