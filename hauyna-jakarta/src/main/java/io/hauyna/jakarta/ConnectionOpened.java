package io.hauyna.jakarta;

/**
 * Fired (as a synchronous CDI event) when a connection has been registered, before the endpoint's
 * {@code @OnOpen} runs. An exception from an observer is logged and does not refuse the connection.
 *
 * @param connectionId the new connection's id
 * @param identifier   who it belongs to
 * @since 0.1
 */
public record ConnectionOpened(String connectionId, String identifier) {
}
