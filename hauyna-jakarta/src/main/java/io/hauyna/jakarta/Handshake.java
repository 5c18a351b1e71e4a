package io.hauyna.jakarta;

import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the HTTP upgrade request told us about a connection: its URI, its path and query
 * parameters, its headers and the authenticated principal.
 *
 * <p>Path and query parameters are kept apart. Path parameters are matched from the endpoint's URI
 * template against the request path; query parameters are parsed from the raw query string. (Every
 * server mixes the two in {@link HandshakeRequest#getParameterMap()}, and some in
 * {@link Session#getPathParameters()} too.) Query values are decoded as
 * {@code application/x-www-form-urlencoded} ({@code +} is a space), path values as URI path
 * segments ({@code +} stays); a value whose percent-escapes are malformed is kept as it was sent.
 * Header names are case-insensitive.
 *
 * <p>Instances are immutable and thread-safe. {@link io.hauyna.jakarta.spi.IdentifierResolver}s
 * see the full handshake; a {@link Connection} keeps only the headers named by
 * {@link HauynaConfigKeys#HANDSHAKE_HEADERS}, so credentials do not stay in memory.
 *
 * @since 0.1
 */
public final class Handshake {

    /**
     * The key under which {@link HauynaConfigurator} leaves what it captured of the handshake in the
     * endpoint configuration's user properties, from where it reaches the session's. Its value is
     * internal; Hauyna takes and removes it when the connection is registered, before
     * {@code @OnOpen}. Applications read the handshake from {@link Connection}
     * ({@code pathParameters()}, {@code queryParameters()}, {@code headers()}, {@code principal()}).
     */
    public static final String USER_PROPERTY = Handshake.class.getName();

    private final String route;
    /** As text: a connection keeps its handshake for life, and a parsed {@link URI} is several objects. */
    private final String requestUri;
    private final Map<String, String> pathParameters;
    private final Map<String, List<String>> queryParameters;
    private final Map<String, List<String>> headers;
    private final Principal principal;

    private Handshake(String route, URI requestUri, Map<String, String> pathParameters, Map<String, List<String>> queryParameters,
                      Map<String, List<String>> headers, Principal principal) {
        this(route, Objects.requireNonNull(requestUri, "requestUri").toString(), pathParameters, queryParameters, headers, principal);
    }

    private Handshake(String route, String requestUri, Map<String, String> pathParameters, Map<String, List<String>> queryParameters,
                      Map<String, List<String>> headers, Principal principal) {
        this.route = route;
        this.requestUri = requestUri;
        this.pathParameters = pathParameters;
        this.queryParameters = queryParameters;
        this.headers = headers;
        this.principal = principal;
    }

    /**
     * Captures an upgrade request. Used by {@link HauynaConfigurator#modifyHandshake}.
     *
     * @param pathTemplate the endpoint's URI template, e.g. {@code /chat/{room}}
     * @param request      the container's handshake request
     * @return the captured handshake, never {@code null}
     */
    public static Handshake of(String pathTemplate, HandshakeRequest request) {
        URI uri = request.getRequestURI();
        return new Handshake(pathTemplate, uri, matchTemplate(pathTemplate, uri.getRawPath()), parseQuery(request.getQueryString()),
                caseInsensitiveCopy(request.getHeaders()), request.getUserPrincipal());
    }

    /**
     * Rebuilds what can be known of a handshake from an open session, for connections registered
     * without {@link HauynaConfigurator}. Headers are not available from a session and are empty;
     * path parameters are the session's, less any name that is also a query parameter.
     *
     * @param session an open session
     * @return the handshake as far as the session knows it, never {@code null}
     */
    public static Handshake of(Session session) {
        URI uri = session.getRequestURI();
        Map<String, List<String>> query = parseQuery(uri.getRawQuery());
        Map<String, String> path = new LinkedHashMap<>(session.getPathParameters());
        path.keySet().removeAll(query.keySet());
        return new Handshake(uri.getPath(), uri, Map.copyOf(path), query, Map.of(), session.getUserPrincipal());
    }

    /**
     * Builds a handshake from its parts (useful in tests of resolvers).
     *
     * @param pathTemplate the endpoint's URI template, e.g. {@code /chat/{room}}
     * @param requestUri   the request URI, with or without query
     * @param headers      header values by name; names are matched case-insensitively
     * @param principal    the authenticated principal, or {@code null} for none
     * @return a handshake whose path and query parameters are parsed from {@code requestUri}
     */
    public static Handshake of(String pathTemplate, URI requestUri, Map<String, List<String>> headers, Principal principal) {
        return new Handshake(pathTemplate, requestUri, matchTemplate(pathTemplate, requestUri.getRawPath()), parseQuery(requestUri.getRawQuery()),
                caseInsensitiveCopy(headers), principal);
    }

    /**
     * @return the route the request was matched to, as declared (e.g. {@code /chat/{room}}); for a
     *         connection registered without {@link HauynaConfigurator}, its request path
     */
    public String route() {
        return route;
    }

    /** @return the request URI as the container reported it (may be relative to the server) */
    public URI requestUri() {
        return URI.create(requestUri);
    }

    /** @return the values of the URI template's variables, e.g. {@code room} for {@code /chat/{room}}; empty when it has none */
    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    /** @return query parameters in request order, values decoded; empty when there is no query */
    public Map<String, List<String>> queryParameters() {
        return queryParameters;
    }

    /**
     * @param name a query parameter name
     * @return the first value of that query parameter, or empty when it is absent
     */
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return every request header by case-insensitive name; empty when not known */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * @param name a header name, in any case
     * @return the first value of that header, or empty when it is absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the principal the container authenticated for the upgrade request, or empty */
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    /**
     * @param names the header names to keep, matched case-insensitively
     * @return a copy of this handshake that keeps only the named headers
     */
    public Handshake withOnlyHeaders(Iterable<String> names) {
        Map<String, List<String>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : names) {
            List<String> values = headers.get(name);
            if (values != null) {
                kept.put(name, values);
            }
        }
        return new Handshake(route, requestUri, pathParameters, queryParameters,
                kept.isEmpty() ? Map.of() : Collections.unmodifiableMap(kept), principal);
    }

    /**
     * @param name a query parameter name
     * @return a copy of this handshake without that query parameter (e.g. a token that must not
     *         stay in memory); this handshake itself when it has none
     */
    public Handshake withoutQueryParameter(String name) {
        if (!queryParameters.containsKey(name)) {
            return this;
        }
        Map<String, List<String>> kept = new LinkedHashMap<>(queryParameters);
        kept.remove(name);
        return new Handshake(route, requestUri, pathParameters, compact(kept), headers, principal);
    }

    /**
     * Matches template segments against the last segments of the path: the request path starts
     * with the application's context path, which the template does not include.
     */
    private static Map<String, String> matchTemplate(String template, String rawPath) {
        if (template == null || rawPath == null || !template.contains("{")) {
            return Map.of();
        }
        String[] variables = template.replaceAll("^/+", "").split("/");
        String[] segments = rawPath.replaceAll("^/+", "").split("/");
        int offset = segments.length - variables.length;
        if (offset < 0) {
            return Map.of();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < variables.length; i++) {
            String variable = variables[i];
            if (variable.length() > 2 && variable.startsWith("{") && variable.endsWith("}")) {
                // A path segment keeps '+' literally, unlike a form-encoded query value.
                parameters.put(variable.substring(1, variable.length() - 1), decode(segments[offset + i].replace("+", "%2B")));
            }
        }
        return compact(parameters);
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        parameters.replaceAll((name, values) -> List.copyOf(values));
        return compact(parameters);
    }

    /**
     * An unmodifiable copy of an ordered map that takes no more memory than its entries need: every
     * connection keeps its path and query parameters for its whole life, and a map built entry by
     * entry has a table of 16 slots even for the one or two entries most connections have.
     */
    private static <V> Map<String, V> compact(Map<String, V> ordered) {
        if (ordered.isEmpty()) {
            return Map.of();
        }
        if (ordered.size() == 1) {
            Map.Entry<String, V> only = ordered.entrySet().iterator().next();
            return Collections.singletonMap(only.getKey(), only.getValue());
        }
        Map<String, V> sized = new LinkedHashMap<>((int) Math.ceil(ordered.size() / 0.75));
        sized.putAll(ordered);
        return Collections.unmodifiableMap(sized);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return raw;
        }
    }

    private static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                copy.merge(name, List.copyOf(values), (a, b) -> {
                    List<String> both = new ArrayList<>(a);
                    both.addAll(b);
                    return List.copyOf(both);
                });
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        // Never print header values: they may hold credentials.
        return "Handshake[" + requestUri().getPath() + ", principal=" + (principal == null ? "none" : principal.getName()) + "]";
    }
}
