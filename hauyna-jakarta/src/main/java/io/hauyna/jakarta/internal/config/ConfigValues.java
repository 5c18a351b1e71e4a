package io.hauyna.jakarta.internal.config;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads raw configuration values: from MicroProfile Config when the server has it, else from system
 * properties. Kept apart so that no other class touches the optional MicroProfile API.
 */
final class ConfigValues {

    private static final Logger LOG = Logger.getLogger(ConfigValues.class.getName());
    private static final String MP_CONFIG_PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";

    private final boolean microProfile;

    ConfigValues() {
        this.microProfile = microProfileConfigUsable();
    }

    /** @return where values come from, for the start-up log line */
    String source() {
        return microProfile ? "MicroProfile Config" : "system properties";
    }

    Optional<String> get(String key) {
        Optional<String> value = microProfile ? MicroProfile.get(key) : Optional.ofNullable(System.getProperty(key));
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }

    /** @return the names of every configured key that starts with {@code prefix} */
    Set<String> namesStartingWith(String prefix) {
        Iterable<String> names = microProfile ? MicroProfile.names() : System.getProperties().stringPropertyNames();
        Set<String> found = new TreeSet<>();
        names.forEach(name -> {
            if (name.startsWith(prefix)) {
                found.add(name);
            }
        });
        return found;
    }

    private static boolean microProfileConfigUsable() {
        try {
            Class.forName(MP_CONFIG_PROVIDER, false, ConfigValues.class.getClassLoader());
            MicroProfile.get("hauyna.probe");
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        } catch (RuntimeException noImplementation) {
            // The API is on the class path but no implementation is registered.
            LOG.log(Level.FINE, "MicroProfile Config API present but not usable; using system properties", noImplementation);
            return false;
        }
    }

    /** Loaded only after the API was found on the class path. */
    private static final class MicroProfile {
        static Optional<String> get(String key) {
            try {
                return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(key, String.class);
            } catch (NoSuchElementException absent) {
                return Optional.empty();
            }
        }

        static Iterable<String> names() {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig().getPropertyNames();
        }
    }
}
