package io.hauyna.jakarta;

import io.hauyna.jakarta.internal.handshake.HandshakeGate;
import io.hauyna.jakarta.spi.EndpointProvider;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

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
 * <p>It captures the handshake (query parameters, headers, principal), checks it (origin,
 * {@link io.hauyna.jakarta.spi.HandshakeFilter}s, credentials) unless Hauyna's servlet filter
 * already did, and obtains the endpoint
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

    /** The subprotocol name a Hauyna client offers, alongside an optional {@code bearer.<token>} entry. */
    public static final String SUBPROTOCOL = "hauyna";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(config, request, response);
        // Per connection on every server we target (see docs/SERVERS.md); reaches Session#getUserProperties().
        CDI.current().select(HandshakeGate.class).get().record(config.getPath(), request, config.getUserProperties());
    }

    /**
     * Selects the {@value #SUBPROTOCOL} subprotocol when the client offers it, even if the endpoint
     * does not declare it: browsers pass a bearer token as a second subprotocol entry
     * ({@code ["hauyna", "bearer.<token>"]}) and fail the connection unless the server selects one
     * of the entries; the token entry is never selected.
     */
    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        String negotiated = super.getNegotiatedSubprotocol(supported, requested);
        if ((negotiated == null || negotiated.isEmpty()) && requested.contains(SUBPROTOCOL)) {
            return SUBPROTOCOL;
        }
        return negotiated;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        return CDI.current().select(EndpointProvider.class).get().create(endpointClass);
    }
}
