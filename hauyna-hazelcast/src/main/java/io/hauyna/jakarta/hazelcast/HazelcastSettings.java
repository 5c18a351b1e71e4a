package io.hauyna.jakarta.hazelcast;

import io.hauyna.jakarta.spi.BackplaneContext;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The module's configuration, read once at start; a bad value fails the deployment with an instruction. */
record HazelcastSettings(Mode mode, List<String> members, int port, Optional<String> networkInterface, String clusterName,
                         boolean multicast, int shutdownTimeoutSeconds) {

    enum Mode { AUTO, EMBEDDED, PAYARA, CLIENT }

    static HazelcastSettings read(BackplaneContext context) {
        Mode mode = context.config(HazelcastClusterKeys.MODE).map(HazelcastSettings::mode).orElse(Mode.AUTO);
        List<String> members = Arrays.stream(context.config(HazelcastClusterKeys.MEMBERS).orElse(HazelcastClusterKeys.DEFAULT_MEMBERS)
                .split(",")).map(String::trim).filter(member -> !member.isEmpty()).toList();
        if (members.isEmpty()) {
            throw new IllegalStateException(HazelcastClusterKeys.MEMBERS + " names no member: list host or host:port, separated by commas");
        }
        int port = number(context, HazelcastClusterKeys.PORT, HazelcastClusterKeys.DEFAULT_PORT);
        Optional<String> networkInterface = context.config(HazelcastClusterKeys.INTERFACE)
                .or(() -> members.stream().allMatch(HazelcastSettings::isLoopback) ? Optional.of("127.0.0.1") : Optional.empty());
        String clusterName = context.config(HazelcastClusterKeys.HAZELCAST_CLUSTER_NAME).orElse(HazelcastClusterKeys.DEFAULT_HAZELCAST_CLUSTER_NAME);
        boolean multicast = context.config(HazelcastClusterKeys.MULTICAST).map(value -> bool(HazelcastClusterKeys.MULTICAST, value)).orElse(false);
        int shutdown = number(context, HazelcastClusterKeys.SHUTDOWN_TIMEOUT_SECONDS, HazelcastClusterKeys.DEFAULT_SHUTDOWN_TIMEOUT_SECONDS);
        return new HazelcastSettings(mode, members, port, networkInterface, clusterName, multicast, shutdown);
    }

    private static Mode mode(String value) {
        try {
            return Mode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException(HazelcastClusterKeys.MODE + " is '" + value + "': use auto, embedded, payara or client", unknown);
        }
    }

    private static int number(BackplaneContext context, String key, int fallback) {
        String value = context.config(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalStateException(key + " is '" + value + "': use a whole number of 0 or more");
    }

    private static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalStateException(key + " is '" + value + "': use true or false");
    }

    /** A member given as a name is looked up once here; one that does not resolve is not loopback. */
    private static boolean isLoopback(String member) {
        String host = member.startsWith("[") ? member.substring(1, member.indexOf(']') < 0 ? member.length() : member.indexOf(']'))
                : member.contains(":") && member.indexOf(':') == member.lastIndexOf(':') ? member.substring(0, member.indexOf(':')) : member;
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException unknown) {
            return false;
        }
    }
}
