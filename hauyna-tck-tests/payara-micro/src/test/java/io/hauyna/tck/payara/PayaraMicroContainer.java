package io.hauyna.tck.payara;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An Arquillian container that starts one Payara Micro for the whole test run and deploys each
 * test class's WAR into it through the autodeploy directory, as the other servers' adapters do.
 * Payara's own managed adapter starts a JVM per test class (about 20 s each); this one pays the
 * boot once. The suite's deployments are all {@code testable = false}, so no protocol is packaged.
 */
public final class PayaraMicroContainer implements DeployableContainer<PayaraMicroConfiguration> {

    private PayaraMicroConfiguration configuration;
    private MicroProcess micro;
    private AutodeployDirectory autodeploy;

    @Override
    public Class<PayaraMicroConfiguration> getConfigurationClass() {
        return PayaraMicroConfiguration.class;
    }

    @Override
    public void setup(PayaraMicroConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start() throws LifecycleException {
        try {
            micro = MicroProcess.start(configuration, Path.of(configuration.getMicroJar()).toAbsolutePath().getParent());
            autodeploy = new AutodeployDirectory(micro.autodeployDirectory());
        } catch (IOException e) {
            throw new LifecycleException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LifecycleException("Interrupted while starting Payara Micro", e);
        }
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            micro.stop();
        } catch (IOException e) {
            throw new LifecycleException("Could not stop Payara Micro: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LifecycleException("Interrupted while stopping Payara Micro", e);
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        requireRunning(archive);
        try {
            autodeploy.deploy(archive, deploymentTimeout(), micro::logTail);
        } catch (IOException e) {
            throw new DeploymentException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("Interrupted while deploying " + archive.getName(), e);
        }
        // Without a servlet entry Arquillian's injected URL would lack the context root.
        String contextRoot = "/" + archive.getName().replaceFirst("\\.war$", "");
        return new ProtocolMetaData().addContext(new HTTPContext("localhost", micro.httpPort()).add(new Servlet("default", contextRoot)));
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        requireRunning(archive);
        try {
            autodeploy.undeploy(archive.getName(), deploymentTimeout(), micro::logTail);
        } catch (IOException e) {
            throw new DeploymentException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("Interrupted while undeploying " + archive.getName(), e);
        }
    }

    /** One server serves every test class, so a crash must name itself rather than fail the rest obscurely. */
    private void requireRunning(Archive<?> archive) throws DeploymentException {
        if (!micro.isAlive()) {
            throw new DeploymentException("Payara Micro is no longer running (needed for " + archive.getName() + "):\n" + micro.logTail());
        }
    }

    private Duration deploymentTimeout() {
        return Duration.ofSeconds(configuration.getDeploymentTimeoutInSeconds());
    }
}
