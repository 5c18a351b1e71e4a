package io.hauyna.jakarta.internal.handshake;

import io.hauyna.jakarta.Handshake;
import io.hauyna.jakarta.HauynaConfigKeys;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-site WebSocket hijacking protection: a browser sends the page's {@code Origin} with every
 * upgrade and attaches the user's cookies whatever that origin is, so an upgrade from a foreign
 * origin is refused unless allowed. Requests without {@code Origin} come from non-browser clients,
 * which a malicious page cannot drive; they pass unless {@link HauynaConfigKeys#ORIGINS_REQUIRE} is set.
 */
public final class OriginPolicy {

    private final List<String> allowed;
    private final boolean anyOrigin;
    private final boolean requireOrigin;

    public OriginPolicy(List<String> allowed, boolean requireOrigin) {
        this.anyOrigin = allowed.contains("*");
        this.allowed = allowed.stream().filter(origin -> !origin.equals("*")).map(OriginPolicy::normalize).toList();
        this.requireOrigin = requireOrigin;
    }

    /** @return why the upgrade is refused, or empty when its origin is acceptable */
    Optional<String> refusal(Handshake handshake) {
        return refusal(handshake, false);
    }

    /**
     * @param check whether this is a handshake check, which a browser sends as a same-origin
     *              {@code fetch} without {@code Origin}: a missing origin is then not held against it
     */
    Optional<String> refusal(Handshake handshake, boolean check) {
        Optional<String> origin = handshake.header("Origin");
        if (origin.isEmpty()) {
            return requireOrigin && !check ? Optional.of("An Origin header is required (" + HauynaConfigKeys.ORIGINS_REQUIRE + "=true)")
                    : Optional.empty();
        }
        if (anyOrigin || allowed.contains(normalize(origin.get()))) {
            return Optional.empty();
        }
        if (allowed.isEmpty() && sameOriginAsHost(origin.get(), handshake.header("Host").orElse(""))
                && !(isSecure(handshake) && origin.get().toLowerCase(Locale.ROOT).startsWith("http:"))) {
            // Over TLS, a plain-http page of the same host is another origin: anyone on the network could have written it.
            return Optional.empty();
        }
        return Optional.of("Cross-origin WebSocket upgrade refused");
    }

    private static boolean isSecure(Handshake handshake) {
        String scheme = handshake.requestUri().getScheme();
        return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme);
    }

    public String describe() {
        return anyOrigin ? "any origin" : allowed.isEmpty() ? "same origin as the Host header" : String.join(", ", allowed);
    }

    private static boolean sameOriginAsHost(String origin, String host) {
        URI uri = parse(origin);
        if (uri == null || uri.getHost() == null || host.isBlank()) {
            return false;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
        String hostName = host;
        int hostPort = -1;
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            hostName = host.substring(0, colon);
            try {
                hostPort = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException notAPort) {
                return false;
            }
        }
        if (hostPort == -1) {
            hostPort = defaultPort(uri.getScheme());
        }
        return uri.getHost().equalsIgnoreCase(hostName) && port == hostPort;
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** Scheme and host in lower case, default port and trailing slash removed: {@code https://Example.com:443/} is {@code https://example.com}. */
    static String normalize(String origin) {
        URI uri = parse(origin.trim());
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return origin.trim().toLowerCase(Locale.ROOT);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 || port == defaultPort(scheme) ? "" : ":" + port);
    }

    private static URI parse(String origin) {
        try {
            return URI.create(origin);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
