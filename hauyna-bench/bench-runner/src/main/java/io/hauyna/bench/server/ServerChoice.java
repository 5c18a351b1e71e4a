package io.hauyna.bench.server;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The servers the build selected: each Maven profile ({@code payara}, {@code wildfly}, {@code liberty})
 * fetches its server and passes its location as a system property; an empty property is a server not
 * selected.
 */
public final class ServerChoice {

    private ServerChoice() {
    }

    public static List<ServerLauncher> selected() {
        List<ServerLauncher> launchers = new ArrayList<>();
        location("bench.payara.jar").ifPresent(jar -> launchers.add(new PayaraMicroLauncher(jar)));
        location("bench.wildfly.home").ifPresent(home -> launchers.add(new WildFlyLauncher(home)));
        location("bench.liberty.home").ifPresent(home -> launchers.add(new OpenLibertyLauncher(home)));
        if (launchers.isEmpty()) {
            throw new IllegalStateException("No server selected: run through Maven with -Ppayara, -Pwildfly or -Pliberty");
        }
        return launchers;
    }

    private static Optional<Path> location(String property) {
        String value = System.getProperty(property, "").trim();
        if (value.isEmpty() || value.startsWith("${")) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + "=" + value + " does not exist: build with the server's profile first");
        }
        return Optional.of(path);
    }

    /** @return a readable server name with its version, from the file the build fetched */
    static String nameOf(Path location) {
        String file = location.getFileName().toString();
        if (file.startsWith("payara-micro-")) {
            return "Payara Micro " + file.substring("payara-micro-".length()).replace(".jar", "");
        }
        if (file.startsWith("wildfly-")) {
            return "WildFly " + file.substring("wildfly-".length());
        }
        return "Open Liberty " + libertyVersion(location);
    }

    private static String libertyVersion(Path home) {
        Properties version = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("lib/versions/openliberty.properties"))) {
            version.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return version.getProperty("com.ibm.websphere.productVersion", "?");
    }
}
