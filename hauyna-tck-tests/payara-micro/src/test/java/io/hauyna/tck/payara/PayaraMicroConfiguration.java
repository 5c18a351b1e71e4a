package io.hauyna.tck.payara;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

import java.io.File;

/**
 * The {@code <configuration>} of a {@code payara-micro-*} container in {@code arquillian.xml}.
 * Arquillian sets each property through its setter.
 */
public final class PayaraMicroConfiguration implements ContainerConfiguration {

    private String microJar;
    private int startupTimeoutInSeconds = 180;
    private int deploymentTimeoutInSeconds = 120;
    private String jvmOptions = "";

    @Override
    public void validate() throws ConfigurationException {
        if (microJar == null || !new File(microJar).isFile()) {
            throw new ConfigurationException("microJar '" + microJar + "' is not a file: point it at a payara-micro-<version>.jar");
        }
        if (startupTimeoutInSeconds <= 0 || deploymentTimeoutInSeconds <= 0) {
            throw new ConfigurationException("startupTimeoutInSeconds and deploymentTimeoutInSeconds must be positive");
        }
    }

    public String getMicroJar() {
        return microJar;
    }

    public void setMicroJar(String microJar) {
        this.microJar = microJar;
    }

    public int getStartupTimeoutInSeconds() {
        return startupTimeoutInSeconds;
    }

    public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
        this.startupTimeoutInSeconds = startupTimeoutInSeconds;
    }

    public int getDeploymentTimeoutInSeconds() {
        return deploymentTimeoutInSeconds;
    }

    public void setDeploymentTimeoutInSeconds(int deploymentTimeoutInSeconds) {
        this.deploymentTimeoutInSeconds = deploymentTimeoutInSeconds;
    }

    /** @return JVM options for the server, separated by spaces; empty by default */
    public String getJvmOptions() {
        return jvmOptions;
    }

    public void setJvmOptions(String jvmOptions) {
        this.jvmOptions = jvmOptions;
    }
}
