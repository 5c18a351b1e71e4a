package io.hauyna.tck.sample;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

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
}
