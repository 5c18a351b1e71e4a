/**
 * Implementation. Not API: anything here may change in any release without notice.
 *
 * <p>This package wires the layers together (the CDI extension, the background scheduler, the
 * failure logs); each layer has a package of its own: {@code config}, {@code handshake},
 * {@code route}, {@code connection}, {@code channel}, {@code presence}, {@code protocol},
 * {@code event} and {@code cluster}.
 */
package io.hauyna.jakarta.internal;
