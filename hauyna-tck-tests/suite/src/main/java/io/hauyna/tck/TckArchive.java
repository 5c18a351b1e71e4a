package io.hauyna.tck;

import io.hauyna.jakarta.HauynaConfigurator;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Builds the small WARs the suite deploys: the freshly built {@code hauyna-jakarta} jar in
 * {@code WEB-INF/lib}, exactly as an application would ship it, plus the test's own classes.
 */
public final class TckArchive {

    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    private TckArchive() {
    }

    /**
     * @param name    the WAR's name, which becomes its context root
     * @param classes the endpoints and beans of the test
     * @return a WAR with Hauyna, {@link TrustingQueryResolver} and the given classes
     */
    public static WebArchive war(String name, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(hauynaJar())
                .addClasses(TrustingQueryResolver.class)
                .addClasses(classes)
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
    }

    /**
     * @param config Hauyna settings for this WAR, written to its {@code META-INF/microprofile-config.properties}
     * @see #war(String, Class[])
     */
    public static WebArchive war(String name, Map<String, String> config, Class<?>... classes) {
        StringBuilder properties = new StringBuilder();
        config.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
        return war(name, classes).addAsResource(new StringAsset(properties.toString()), "META-INF/microprofile-config.properties");
    }

    /** The hauyna-jakarta artifact on the test class path: the reactor's jar, or its classes directory in an IDE. */
    private static JavaArchive hauynaJar() {
        return libraryOf(HauynaConfigurator.class, "hauyna-jakarta.jar");
    }

    /**
     * @param member a class of the library
     * @param name   the jar's name in {@code WEB-INF/lib}
     * @return the library on the test class path that holds the class: its jar, or its classes directory in an IDE
     */
    public static JavaArchive libraryOf(Class<?> member, String name) {
        File location;
        try {
            location = new File(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the library of " + member.getName() + " on the class path", e);
        }
        if (location.isDirectory()) {
            return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(location).as(JavaArchive.class);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, location);
    }
}
