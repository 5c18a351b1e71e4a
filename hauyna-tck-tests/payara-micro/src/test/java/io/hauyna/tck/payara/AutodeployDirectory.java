package io.hauyna.tck.payara;

import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Deploys by dropping a WAR into Payara's autodeploy directory and undeploys by deleting it.
 * The server answers with marker files next to the WAR: {@code X.war_deployed},
 * {@code X.war_deployFailed}, {@code X.war_undeployed}. A WAR is served at {@code /<file name>}.
 */
final class AutodeployDirectory {

    private final Path directory;
    private final Path staging;

    AutodeployDirectory(Path directory) throws IOException {
        this.directory = directory;
        this.staging = Files.createDirectories(directory.resolveSibling("autodeploy-staging"));
    }

    /**
     * @param serverLog what to quote when the deployment fails
     * @throws IOException when the server reports a failure or says nothing within the timeout
     */
    void deploy(Archive<?> archive, Duration timeout, Supplier<String> serverLog) throws IOException, InterruptedException {
        String name = archive.getName();
        deleteMarkers(name);
        // Exported elsewhere and moved in at once: the poller must never see a half-written WAR.
        Path exported = staging.resolve(name);
        archive.as(ZipExporter.class).exportTo(exported.toFile(), true);
        Files.move(exported, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        String outcome = awaitMarker(name, timeout, "_deployed", "_deployFailed");
        if (!outcome.equals("_deployed")) {
            throw new IOException(name + (outcome.isEmpty() ? " was not deployed within " + timeout.toSeconds() + " s" : " failed to deploy")
                    + ":\n" + serverLog.get());
        }
    }

    /** Deletes the WAR and waits until the server has undeployed it. */
    void undeploy(String name, Duration timeout, Supplier<String> serverLog) throws IOException, InterruptedException {
        Files.deleteIfExists(directory.resolve(name));
        if (awaitMarker(name, timeout, "_undeployed").isEmpty()) {
            throw new IOException(name + " was not undeployed within " + timeout.toSeconds() + " s:\n" + serverLog.get());
        }
        deleteMarkers(name);
    }

    /** @return the suffix of the first marker that appeared, or an empty string after the timeout */
    private String awaitMarker(String name, Duration timeout, String... suffixes) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (String suffix : suffixes) {
                if (Files.exists(directory.resolve(name + suffix))) {
                    return suffix;
                }
            }
            Thread.sleep(100);
        }
        return "";
    }

    private void deleteMarkers(String name) throws IOException {
        for (String suffix : new String[] {"_deployed", "_deployFailed", "_undeployed", "_undeployFailed"}) {
            Files.deleteIfExists(directory.resolve(name + suffix));
        }
    }
}
