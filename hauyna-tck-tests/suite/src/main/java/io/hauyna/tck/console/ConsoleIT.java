package io.hauyna.tck.console;

import io.hauyna.jakarta.HauynaConfigurator;
import io.hauyna.jakarta.testing.HandshakeProbe;
import io.hauyna.jakarta.testing.TestClient;
import io.hauyna.tck.TckArchive;
import io.hauyna.tck.TckProtocolEndpoint;
import io.hauyna.tck.TckUris;
import io.hauyna.tck.browser.Browser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.StaleElementReferenceException;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static io.hauyna.tck.TckProtocolClients.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live console, switched on with {@code hauyna.console.enabled}: its page and its feed for a
 * client on this machine or in the role, a 403 for others forwarded by a proxy that is not trusted, and the page
 * in Chromium showing what the application does (its screenshot is the README's). Whether it is
 * off by default is in {@code OperationsIT}, whose WAR does not switch it on.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    private static final String APPLICATION = "tck-console";
    /**
     * HTTP/1.1, as browsers speak to an http:// URL: the JDK's default asks for an h2c upgrade, and
     * Open Liberty never answers one whose path ends in a welcome file (docs/SERVERS.md).
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final String WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                <filter>
                    <filter-name>tck-role</filter-name>
                    <filter-class>io.hauyna.tck.console.RoleFromHeaderFilter</filter-class>
                </filter>
                <filter-mapping>
                    <filter-name>tck-role</filter-name>
                    <url-pattern>/*</url-pattern>
                </filter-mapping>
            </web-app>
            """;

    /** The console on, with a role; a stand-in login ({@link RoleFromHeaderFilter}), added as bytes (the servlet API is the server's). */
    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = TckArchive.war(APPLICATION, Map.of("hauyna.console.enabled", "true", "hauyna.console.role", "ops"),
                TckProtocolEndpoint.class).setWebXML(new StringAsset(WEB_XML));
        for (String filter : List.of("RoleFromHeaderFilter", "RoleFromHeaderFilter$InRole")) {
            String path = "io/hauyna/tck/console/" + filter + ".class";
            war.add(new ClassLoaderAsset(path), "WEB-INF/classes/" + path);
        }
        return war;
    }

    @ArquillianResource
    URL base;

    private String page(String file) {
        return "http://localhost:" + base.getPort() + base.getPath().replaceAll("/+$", "") + "/hauyna/console/" + file;
    }

    private static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndItsFeedAreServedToThisMachine() throws Exception {
        HttpResponse<String> index = get(page(""));
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<title>Hauyna console</title>");
        assertThat(index.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(get(page("console.js")).body()).contains("import { Socket } from '../hauyna.js'");

        try (TestClient alice = connect(base, "alice", "");
             TestClient console = TestClient.connect(TckUris.ws(base, "/hauyna/console/live"), Map.of(), List.of(HauynaConfigurator.SUBPROTOCOL))) {
            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:tck\",\"ref\":1}");
            alice.next();
            JsonObject view = await().atMost(Duration.ofSeconds(10)).until(() -> nextView(console),
                    v -> v.getJsonArray("channels").size() == 1);
            assertThat(view.getString("application")).isEqualTo(APPLICATION);
            assertThat(view.getJsonArray("channels").getJsonObject(0).getString("name")).isEqualTo("room:tck");
            // At least alice and the console: another test's aborted probe may not be noticed yet (GlassFish 7).
            assertThat(view.getJsonObject("stats").getInt("activeConnections")).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aClientForwardedByAProxyThatIsNotTrustedIsRefused() throws Exception {
        assertThat(get(page(""), "X-Forwarded-For", "203.0.113.9").statusCode()).isEqualTo(403);
        assertThat(HandshakeProbe.upgrade(TckUris.ws(base, "/hauyna/console/live"), Map.of("X-Forwarded-For", "203.0.113.9"),
                List.of(HauynaConfigurator.SUBPROTOCOL)).status()).isEqualTo(403);
    }

    @Test
    void aUserInTheRoleMayOpenItFromAnywhere() throws Exception {
        assertThat(get(page(""), "X-Forwarded-For", "203.0.113.9", RoleFromHeaderFilter.HEADER, "ops").statusCode()).isEqualTo(200);
        assertThat(get(page(""), "X-Forwarded-For", "203.0.113.9", RoleFromHeaderFilter.HEADER, "guests").statusCode()).isEqualTo(403);
        assertThat(HandshakeProbe.upgrade(TckUris.ws(base, "/hauyna/console/live"),
                Map.of("X-Forwarded-For", "203.0.113.9", RoleFromHeaderFilter.HEADER, "ops"), List.of(HauynaConfigurator.SUBPROTOCOL)).status())
                .as("the feed").isEqualTo(101);
    }

    @Test
    void theConsoleInChromiumShowsTheApplicationLive() {
        try (TestClient alice = connect(base, "alice", ""); TestClient bob = connect(base, "bob", "");
             Browser browser = new Browser()) {
            alice.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:lobby\",\"ref\":1}");
            bob.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:lobby\",\"ref\":1}");
            bob.send("{\"type\":\"subscribe_channel\",\"channel\":\"notifications:bob\",\"ref\":2}");
            bob.send("{\"type\":\"teleport\"}");
            try (TestClient carol = connect(base, "carol", "")) {
                carol.send("{\"type\":\"subscribe_channel\",\"channel\":\"room:lobby\",\"ref\":1}");
                carol.next();
            }
            browser.open(page(""));
            browser.await("the console live", d -> browser.find("#status").getAttribute("class").contains("live"));
            // Every user is present (hauyna.presence.track-connections); the page is not one of them.
            awaitCells(browser, "room:lobby first, with alice and bob", "#channelsTable tbody tr:first-child td",
                    cells -> cells.equals(List.of("room:lobby", "2", "2")));
            awaitCells(browser, "bob's unknown_type error", "#errorsTable tbody tr:first-child td",
                    cells -> cells.containsAll(List.of("unknown_type", "bob")));
            awaitCells(browser, "carol's close", "#closesTable tbody td:last-child", cells -> cells.contains("carol"));
            awaitCells(browser, "alice, bob and the page connected (at least)", "#activeConnections",
                    cells -> cells.size() == 1 && cells.get(0).matches("\\d+") && Integer.parseInt(cells.get(0)) >= 3);
            browser.screenshot(Path.of("target", "screenshots", "console.png"));
        }
    }

    /** Waits until the cells match, and fails with the cells last seen. */
    private static void awaitCells(Browser browser, String what, String css, Predicate<List<String>> wanted) {
        AtomicReference<List<String>> seen = new AtomicReference<>(List.of());
        try {
            browser.await(what, d -> {
                try {
                    seen.set(browser.texts(css));
                } catch (StaleElementReferenceException redrawn) {
                    return false; // the page replaced the table between finding a cell and reading it: read again
                }
                return wanted.test(seen.get());
            });
        } catch (AssertionError timeout) {
            throw new AssertionError(what + ": the cells " + css + " were " + seen.get(), timeout);
        }
    }

    private static JsonObject nextView(TestClient console) {
        JsonObject frame = Json.createReader(new StringReader(console.next())).readObject();
        assertThat(frame.getString("event")).isEqualTo("hauyna.console");
        return frame.getJsonObject("data");
    }
}
