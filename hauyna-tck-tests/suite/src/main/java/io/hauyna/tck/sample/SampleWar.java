package io.hauyna.tck.sample;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** The sample application's WAR as the build made it, renamed so that it does not compete with a server's own root context. */
public final class SampleWar {

    private SampleWar() {
    }

    public static WebArchive asBuilt(String name) {
        File war = new File(System.getProperty("tck.sampleWar", "../../sample-war/target/ROOT.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Sample WAR not found at " + war.getAbsolutePath() + ": build sample-war first (./mvnw verify does)");
        }
        return ShrinkWrap.create(WebArchive.class, name).merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
    }

    /**
     * The sample as built, without its rooms' history: this version keeps histories on one node
     * alone, and a clustered application that asks for them does not start.
     */
    public static WebArchive asBuiltWithoutHistory(String name) {
        WebArchive war = asBuilt(name);
        String path = "/WEB-INF/classes/META-INF/microprofile-config.properties";
        String config;
        try (InputStream in = war.get(path).getAsset().openStream()) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete(path);
        return war.add(new StringAsset(config.lines().filter(line -> !line.startsWith("hauyna.history."))
                .collect(Collectors.joining("\n"))), path);
    }
}
