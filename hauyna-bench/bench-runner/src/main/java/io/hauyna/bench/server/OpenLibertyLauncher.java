package io.hauyna.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Open Liberty: a server named {@code bench} with the features the WAR needs, the WAR in its drop-ins. */
final class OpenLibertyLauncher extends ServerLauncher {

    private static final String SERVER_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <server description="Hauyna benchmark">
                <featureManager>
                    <feature>websocket-2.1</feature>
                    <feature>cdi-4.0</feature>
                    <feature>jsonb-3.0</feature>
                    <feature>servlet-6.0</feature>
                    <feature>mpConfig-3.0</feature>
                </featureManager>
                <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="%d" httpsPort="-1"/>
                <applicationManager autoExpand="true"/>
            </server>
            """;

    private final Path home;

    OpenLibertyLauncher(Path home) {
        super(ServerChoice.nameOf(home), false);
        this.home = home;
    }

    @Override
    ProcessBuilder command(Path war, Map<String, String> properties, List<String> jvmOptions, Placement placement)
            throws IOException {
        Path server = home.resolve("usr/servers/bench");
        Files.createDirectories(server.resolve("dropins"));
        Files.writeString(server.resolve("server.xml"), SERVER_XML.formatted(placement.httpPort()));
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(systemProperties(properties));
        Files.write(server.resolve("jvm.options"), options);
        Files.copy(war, server.resolve("dropins/bench.war"), StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/server").toString(), "run", "bench");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }
}
