/**
 * The wire protocol: checking and dispatching client frames, building server frames, JSON values,
 * message interceptors and payload validation.
 * Implementation, not API.
 */
package io.hauyna.jakarta.internal.protocol;
