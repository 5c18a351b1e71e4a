/**
 * Presence: who is online, away or offline, and the coalesced presence frames of presence channels.
 * Implementation, not API.
 */
package io.hauyna.jakarta.internal.presence;
