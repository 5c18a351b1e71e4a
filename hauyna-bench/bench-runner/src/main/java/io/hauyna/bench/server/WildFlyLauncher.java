package io.hauyna.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** WildFly's default standalone configuration, the WAR dropped into its deployment scanner's folder. */
final class WildFlyLauncher extends ServerLauncher {

    private final Path home;

    WildFlyLauncher(Path home) {
        super(ServerChoice.nameOf(home), false);
        this.home = home;
    }

    @Override
    ProcessBuilder command(Path war, Map<String, String> properties, List<String> jvmOptions) throws IOException {
        Path deployments = home.resolve("standalone/deployments");
        try (var markers = Files.list(deployments)) {
            for (Path marker : markers.filter(p -> p.getFileName().toString().startsWith("bench.war.")).toList()) {
                Files.delete(marker);
            }
        }
        Files.copy(war, deployments.resolve("bench.war"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + (PORT - 8080)));
        command.addAll(systemProperties(properties));
        ProcessBuilder builder = new ProcessBuilder(command);
        // replaces standalone.conf's 512 MB default heap; the other options are its own
        builder.environment().put("JAVA_OPTS", String.join(" ", jvmOptions)
                + " -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true");
        builder.environment().put("JAVA", javaCommand());
        return builder;
    }
}
