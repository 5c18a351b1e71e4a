package io.hauyna.jakarta.testing;

import jakarta.enterprise.inject.spi.CDI;
import org.glassfish.tyrus.server.Server;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Boots a real runtime for a test class: Weld SE (discovering hauyna-jakarta through its
 * {@code beans.xml} and extension service file, exactly as a server would) and a Tyrus server on a
 * free loopback port, serving the test's own endpoints. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static HauynaServer server = HauynaServer.serving(EchoEndpoint.class).with("hauyna.outbound.max-bytes", "4096");
 * }</pre>
 *
 * Configuration is passed as system properties (Hauyna's fallback when MicroProfile Config is
 * absent) and removed again after the class; surefire runs each test class in its own JVM.
 */
public final class HauynaServer implements BeforeAllCallback, AfterAllCallback {

    private final List<Class<?>> endpoints;
    private final List<Class<?>> beans = new ArrayList<>();
    private final Map<String, String> config = new LinkedHashMap<>();
    private WeldContainer container;
    private Server server;

    private HauynaServer(List<Class<?>> endpoints) {
        this.endpoints = endpoints;
    }

    /** @param endpoints {@code @ServerEndpoint} classes to deploy; they are also added as beans */
    public static HauynaServer serving(Class<?>... endpoints) {
        return new HauynaServer(List.of(endpoints));
    }

    /** Adds application beans (resolvers, services) that only this test class should see. */
    public HauynaServer withBeans(Class<?>... classes) {
        beans.addAll(List.of(classes));
        return this;
    }

    /** Sets a configuration key for this test class. */
    public HauynaServer with(String key, String value) {
        config.put(key, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts the runtime outside JUnit Jupiter (e.g. from a jqwik {@code @BeforeContainer}). */
    public void start(String name) throws Exception {
        config.forEach(System::setProperty);
        Weld weld = new Weld("hauyna-test-" + name);
        endpoints.forEach(weld::addBeanClass);
        beans.forEach(weld::addBeanClass);
        container = weld.initialize();
        List<Class<?>> deployed = new ArrayList<>(endpoints);
        deployed.add(HauynaRoutesApplication.class);
        server = new Server("localhost", -1, "/", Map.of(), deployed.toArray(Class<?>[]::new));
        server.start();
    }

    /** Stops what {@link #start} started. */
    public void stop() {
        if (server != null) {
            server.stop();
        }
        if (container != null) {
            container.shutdown();
        }
        config.keySet().forEach(System::clearProperty);
    }

    /** @return a bean of the running container, e.g. {@code bean(Connections.class)} */
    public <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }

    /** @return a bean with qualifiers, e.g. {@code bean(HealthCheck.class, Readiness.Literal.INSTANCE)} */
    public <T> T bean(Class<T> type, java.lang.annotation.Annotation... qualifiers) {
        return CDI.current().select(type, qualifiers).get();
    }

    /** @return the WebSocket URI of a path on this server, e.g. {@code uri("/chat/lobby?x=1")} */
    public URI uri(String pathAndQuery) {
        return URI.create("ws://localhost:" + server.getPort() + pathAndQuery);
    }
}
