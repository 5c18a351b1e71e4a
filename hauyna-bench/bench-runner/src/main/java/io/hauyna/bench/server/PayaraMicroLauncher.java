package io.hauyna.bench.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Payara Micro: one JVM, the WAR passed on the command line, clustering off. */
final class PayaraMicroLauncher extends ServerLauncher {

    private final Path jar;

    PayaraMicroLauncher(Path jar) {
        super(ServerChoice.nameOf(jar), true);
        this.jar = jar;
    }

    @Override
    ProcessBuilder command(Path war, Map<String, String> properties, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(javaCommand()));
        command.addAll(jvmOptions);
        command.addAll(systemProperties(properties));
        command.addAll(List.of("-jar", jar.toString(), "--nocluster", "--port", Integer.toString(PORT),
                "--deploy", war.toString()));
        return new ProcessBuilder(command);
    }
}
