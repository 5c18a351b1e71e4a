package io.hauyna.jakarta.internal.route;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Route matching as containers do it, and scoping by template, so that no spelling of a path escapes a filter. */
class RoutePatternTest {

    @Test
    void aPathMatchesWhateverWayItIsSpelt() {
        RoutePattern admin = RoutePattern.route("/admin/{panel}");

        assertThat(admin.match("/admin/console")).contains(Map.of("panel", "console"));
        assertThat(admin.match("/%61dmin;x=1/console;jsessionid=abc")).contains(Map.of("panel", "console"));
        assertThat(admin.match("/admin/a%2Bb+c")).contains(Map.of("panel", "a+b+c"));
        assertThat(admin.match("/admin")).isEmpty();
        assertThat(admin.match("/admin/")).isEmpty();
        assertThat(admin.match("/admin/console/")).as("one trailing slash, as Open Liberty routes it").contains(Map.of("panel", "console"));
        assertThat(admin.match("/admin/console//")).isEmpty();
        assertThat(admin.match("/administrator/console")).isEmpty();
    }

    @Test
    void patternsCoverRouteTemplatesNotRequestPaths() {
        assertThat(RoutePattern.pattern("/admin/*").covers("/admin/console")).isTrue();
        assertThat(RoutePattern.pattern("/admin/*").covers("/admin/{panel}/logs")).isTrue();
        assertThat(RoutePattern.pattern("/admin/*").covers("/chat/{room}")).isFalse();
        assertThat(RoutePattern.pattern("/chat/{room}").covers("/chat/{id}")).isTrue();
        assertThat(RoutePattern.pattern("/chat/{room}").covers("/chat/lobby")).isTrue();
        assertThat(RoutePattern.pattern("/chat/lobby").covers("/chat/{room}")).as("a literal does not cover every room").isFalse();
        assertThat(RoutePattern.pattern("/*").covers("/anything/{x}")).isTrue();
    }

    @Test
    void literalSegmentsWinFromTheLeftAsInContainers() {
        RoutePattern first = RoutePattern.route("/a/{x}/c");
        RoutePattern second = RoutePattern.route("/a/b/{y}");

        assertThat(first.match("/a/b/c")).isPresent();
        assertThat(second.match("/a/b/c")).isPresent();
        assertThat(Stream.of(first, second).min(RoutePattern::moreSpecificFirst)).contains(second);
        assertThat(Stream.of(RoutePattern.route("/chat/{room}"), RoutePattern.route("/chat/lobby"))
                .min(RoutePattern::moreSpecificFirst).map(Object::toString)).contains("/chat/lobby");
    }
}
