/**
 * The upgrade before a WebSocket opens: origin check, the application's handshake filters, bearer
 * tokens, client addresses and identification.
 * Implementation, not API.
 */
package io.hauyna.jakarta.internal.handshake;
