package io.hauyna.jakarta.internal.connection;

import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import jakarta.enterprise.inject.spi.CDI;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Weld SE and Undertow's WebSocket container, as WildFly runs them (dispatching to worker threads),
 * on a free loopback port: the Undertow counterpart of {@code HauynaServer} for the tests of
 * Hauyna's Undertow send path. Surefire runs these tests without Tyrus on the classpath (see the
 * module's pom), since each runtime registers itself as the platform's default configurator.
 */
final class UndertowServer implements AutoCloseable {

    private final WeldContainer container;
    private final XnioWorker worker;
    private final Undertow undertow;
    private final DeploymentManager deployment;
    private final Map<String, String> config;

    private UndertowServer(WeldContainer container, XnioWorker worker, Undertow undertow, DeploymentManager deployment,
                           Map<String, String> config) {
        this.container = container;
        this.worker = worker;
        this.undertow = undertow;
        this.deployment = deployment;
        this.config = config;
    }

    /** Starts Weld with {@code endpoints} as beans and Undertow serving them, with {@code config} as system properties. */
    static UndertowServer start(String name, Map<String, String> config, Class<?>... endpoints) throws Exception {
        config.forEach(System::setProperty);
        Weld weld = new Weld("hauyna-undertow-" + name);
        List.of(endpoints).forEach(weld::addBeanClass);
        WeldContainer container = weld.initialize();
        XnioWorker worker = Xnio.getInstance("nio", Undertow.class.getClassLoader())
                .createWorker(OptionMap.builder().set(Options.WORKER_IO_THREADS, 2).set(Options.WORKER_TASK_MAX_THREADS, 8).getMap());
        WebSocketDeploymentInfo webSockets = new WebSocketDeploymentInfo()
                .setWorker(worker)
                .setBuffers(new DefaultByteBufferPool(true, 8192))
                .setDispatchToWorkerThread(true);
        for (Class<?> endpoint : endpoints) {
            webSockets.addEndpoint(endpoint);
        }
        DeploymentInfo info = Servlets.deployment()
                .setClassLoader(UndertowServer.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName(name + ".war")
                .addServletContextAttribute(WebSocketDeploymentInfo.ATTRIBUTE_NAME, webSockets);
        DeploymentManager deployment = Servlets.defaultContainer().addDeployment(info);
        deployment.deploy();
        Undertow undertow = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setWorker(worker)
                .setHandler(deployment.start())
                .build();
        undertow.start();
        return new UndertowServer(container, worker, undertow, deployment, config);
    }

    /** @return the WebSocket URI of a path on this server */
    URI uri(String pathAndQuery) {
        InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        return URI.create("ws://127.0.0.1:" + address.getPort() + pathAndQuery);
    }

    <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }

    @Override
    public void close() throws Exception {
        undertow.stop();
        deployment.stop();
        deployment.undeploy();
        worker.shutdownNow();
        container.shutdown();
        config.keySet().forEach(System::clearProperty);
    }
}
