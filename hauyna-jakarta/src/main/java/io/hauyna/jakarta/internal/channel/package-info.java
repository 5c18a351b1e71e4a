/**
 * Channels: the registry of subscriptions, channel names, private-channel rules, and the
 * histories of history channels (offsets, epochs, resume).
 * Implementation, not API.
 */
package io.hauyna.jakarta.internal.channel;
