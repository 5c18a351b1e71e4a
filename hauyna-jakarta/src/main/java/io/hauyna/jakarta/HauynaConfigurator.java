package io.hauyna.jakarta;

import io.hauyna.jakarta.spi.EndpointProvider;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Binds an annotated endpoint to Hauyna. Put it on your endpoint:
 *
 * <pre>{@code
 * @Dependent
 * @ServerEndpoint(value = "/chat/{room}", configurator = HauynaConfigurator.class)
 * public class ChatEndpoint {
 *     @Inject Connections connections;
 *
 *     @OnOpen public void open(Session session, @PathParam("room") String room) {
 *         connections.identifierOf(session).ifPresent(me -> connections.addToGroup(me, room));
 *     }
 *     @OnClose public void close(Session session) { }
 * }
 * }</pre>
 *
 * <p>It captures the handshake (query parameters, headers, principal) and obtains the endpoint
 * instance from CDI through the {@link EndpointProvider}, one instance per connection, so
 * {@code @Inject} works on every server. Hauyna then registers the connection before
 * {@code @OnOpen} runs and unregisters it after {@code @OnClose}: the endpoint must be a CDI bean
 * ({@code @Dependent} is enough), and its {@code @OnOpen} and {@code @OnClose} methods must take
 * the {@code Session}; a deployment that breaks these rules fails with a message naming the
 * method.
 *
 * <p>Subclass it to add your own handshake logic; call {@code super} in overridden methods.
 *
 * @since 0.1
 */
public class HauynaConfigurator extends ServerEndpointConfig.Configurator {

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(config, request, response);
        // Per connection on every server we target (see docs/SERVERS.md); reaches Session#getUserProperties().
        config.getUserProperties().put(Handshake.USER_PROPERTY, Handshake.of(config.getPath(), request));
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        return CDI.current().select(EndpointProvider.class).get().create(endpointClass);
    }
}
