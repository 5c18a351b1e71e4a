/**
 * Custom events from clients and Hauyna's own CDI events, and the default error handler.
 * Implementation, not API.
 */
package io.hauyna.jakarta.internal.event;
