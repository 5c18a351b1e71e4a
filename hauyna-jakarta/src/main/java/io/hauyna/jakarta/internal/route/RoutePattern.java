package io.hauyna.jakarta.internal.route;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A path inside the application: a WebSocket route such as {@code /chat/{room}} (each
 * {@code {name}} matches one segment) or, for filters and interceptors, a pattern that may end in
 * {@code /*} to match everything below it. Paths are matched without the context path.
 */
public final class RoutePattern {

    /** Where the jar's static files (hauyna.js) are served; no route may live under it. */
    static final String RESERVED_PREFIX = "/hauyna";
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern LITERAL_SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()+,;=:@%-]+");

    private final String text;
    private final List<String> segments;
    private final boolean prefix;

    private RoutePattern(String text, List<String> segments, boolean prefix) {
        this.text = text;
        this.segments = segments;
        this.prefix = prefix;
    }

    /**
     * @param template a route template, e.g. {@code /chat/{room}}
     * @return the route
     * @throws IllegalArgumentException naming what is wrong with it
     */
    static RoutePattern route(String template) {
        return parse(template, false);
    }

    /**
     * @param pattern a route template, optionally ending in {@code /*}, or {@code /*} alone for every route
     * @return the pattern
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static RoutePattern pattern(String pattern) {
        return parse(pattern, true);
    }

    /** @return what is wrong with a route template, or empty when it is valid */
    /**
     * The browser client is served from the jar at {@code <context>/hauyna/}: an upgrade to
     * {@code /hauyna} meets that folder, and containers redirect it (301) before any WebSocket code
     * runs. The whole prefix is kept for the jar's files.
     *
     * @return why a route may not use this path, or empty when it may
     */
    public static Optional<String> reservationOf(String template) {
        if (template != null && (template.equals(RESERVED_PREFIX) || template.startsWith(RESERVED_PREFIX + "/"))) {
            return Optional.of("is under " + RESERVED_PREFIX + "/, where Hauyna serves hauyna.js from its jar (containers answer an upgrade"
                    + " to " + RESERVED_PREFIX + " with a redirect before any WebSocket code runs): map it elsewhere, e.g. '/ws"
                    + template.substring(RESERVED_PREFIX.length()) + "'");
        }
        return Optional.empty();
    }

    static Optional<String> problemOf(String template) {
        try {
            route(template);
            return Optional.empty();
        } catch (IllegalArgumentException invalid) {
            return Optional.of(invalid.getMessage());
        }
    }

    private static RoutePattern parse(String text, boolean allowWildcard) {
        if (text == null || !text.startsWith("/")) {
            throw new IllegalArgumentException("must start with '/'");
        }
        boolean prefix = allowWildcard && (text.equals("/*") || text.endsWith("/*"));
        String body = prefix ? text.substring(0, text.length() - 2) : text;
        List<String> segments = new ArrayList<>();
        Set<String> variables = new HashSet<>();
        String[] parts = body.isEmpty() || body.equals("/") ? new String[0] : body.substring(1).split("/", -1);
        for (String segment : parts) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("has an empty segment ('//' or a trailing '/')");
            }
            if (segment.startsWith("{") || segment.endsWith("}")) {
                String name = segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")
                        ? segment.substring(1, segment.length() - 1) : "";
                if (!VARIABLE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("has a malformed variable '" + segment + "': write {name} with a letter first");
                }
                if (!variables.add(name)) {
                    throw new IllegalArgumentException("uses the variable {" + name + "} twice");
                }
            } else if (!LITERAL_SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("has a segment '" + segment + "' with characters a URI path cannot hold"
                        + (segment.contains("*") ? " ('*' is allowed only as a final '/*' in filter patterns)" : ""));
            }
            segments.add(segment);
        }
        return new RoutePattern(text, List.copyOf(segments), prefix);
    }

    /**
     * Matches a request path as a container would: each segment without its path parameters
     * ({@code ;jsessionid=...}) and percent-decoded, so {@code /%61dmin;x=1/console} is
     * {@code /admin/console}; one trailing slash is ignored.
     *
     * @param path a path inside the application, without its query, e.g. {@code /chat/lobby}
     * @return the variables' decoded values when the path matches, else empty
     */
    Optional<Map<String, String>> match(String path) {
        // Some containers (Open Liberty) route "/chat/" to "/chat": match it too, so that it cannot skip a filter.
        String trimmed = path != null && path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] parts = trimmed == null || trimmed.isEmpty() || trimmed.equals("/") ? new String[0] : trimmed.replaceFirst("^/", "").split("/", -1);
        if (prefix ? parts.length < segments.size() : parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String part = decode(withoutPathParameters(parts[i]));
            if (isVariable(segment)) {
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                variables.put(segment.substring(1, segment.length() - 1), part);
            } else if (!segment.equals(part)) {
                return Optional.empty();
            }
        }
        return Optional.of(Collections.unmodifiableMap(variables));
    }

    /**
     * Whether this pattern covers a route template: its literal segments equal the template's, its
     * variables stand for any segment (literal or variable), and a {@code /*} suffix covers
     * everything below. Scoping by template, not by request path, means that however a client
     * spells a path, the container's choice of route decides.
     */
    boolean covers(String template) {
        List<String> routeSegments = route(template).segments;
        if (prefix ? routeSegments.size() < segments.size() : routeSegments.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            if (!isVariable(segments.get(i)) && !segments.get(i).equals(routeSegments.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Orders routes the way containers choose among several that match (the WebSocket
     * specification's rule): the one with a literal segment where the other has a variable, at the
     * first segment where they differ, wins.
     */
    static int moreSpecificFirst(RoutePattern a, RoutePattern b) {
        for (int i = 0; i < Math.min(a.segments.size(), b.segments.size()); i++) {
            boolean aVariable = isVariable(a.segments.get(i));
            boolean bVariable = isVariable(b.segments.get(i));
            if (aVariable != bVariable) {
                return aVariable ? 1 : -1;
            }
        }
        return Integer.compare(b.segments.size(), a.segments.size());
    }

    private static String withoutPathParameters(String segment) {
        int semicolon = segment.indexOf(';');
        return semicolon < 0 ? segment : segment.substring(0, semicolon);
    }

    /** Two routes clash when some path would match both: same length and every segment pair could be equal. */
    boolean clashesWith(RoutePattern other) {
        if (segments.size() != other.segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String mine = segments.get(i);
            String theirs = other.segments.get(i);
            if (!isVariable(mine) && !isVariable(theirs) && !mine.equals(theirs)) {
                return false;
            }
        }
        // A literal segment beats a variable in every container's matching, so only same-shape routes are ambiguous.
        for (int i = 0; i < segments.size(); i++) {
            if (isVariable(segments.get(i)) != isVariable(other.segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{");
    }

    private static String decode(String raw) {
        try {
            // A path segment keeps '+' literally, unlike a form-encoded query value.
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return raw;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
