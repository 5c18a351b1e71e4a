/**
 * Channels: the registry of subscriptions, channel names and private-channel rules.
 * Implementation, not API.
 */
package io.hauyna.jakarta.internal.channel;
