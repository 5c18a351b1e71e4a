package io.hauyna.tck.browser;

import io.hauyna.tck.sample.SampleWar;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's chat page in two real headless Chromium browsers, on a real server, using hauyna.js:
 * they chat and see each other's presence, an idle user turns away, the server drops every
 * connection and the pages reconnect, rejoin and keep chatting, and a forbidden action shows its
 * typed error. The scenarios build on each other, in order.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static Browser alice;
    private static Browser bob;

    /** The sample as built, with a faster "away" and a way to drop every connection. */
    @Deployment(testable = false)
    static WebArchive sample() {
        // Added as bytes: the servlet API is on the server's class path, not on this test's.
        String servlet = "io/hauyna/tck/browser/DropConnectionsServlet.class";
        WebArchive war = SampleWar.asBuilt("hauyna-browser.war").add(new ClassLoaderAsset(servlet), "WEB-INF/classes/" + servlet);
        war.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
        return war.addAsResource(new StringAsset("""
                hauyna.identity.allow-anonymous=false
                hauyna.channels.private=notifications:{id}
                hauyna.groups.permissions.member=none
                hauyna.presence.channels=room:
                hauyna.history.channels=room:
                hauyna.presence.away-after=3
                """), "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    private String page() {
        return "http://localhost:" + base.getPort() + base.getPath().replaceAll("/+$", "") + "/chat.html";
    }

    private Browser signIn(String user) {
        Browser browser = new Browser();
        browser.open(page());
        browser.type("#user", user);
        browser.type("#room", "lobby");
        browser.click("#connectButton");
        browser.await(user + " connected", d -> browser.find("#status").getAttribute("data-state").equals("connected"));
        return browser;
    }

    private static void seesPresence(Browser browser, String user, String status) {
        browser.await(user + " shown " + status, d -> !d.findElements(
                By.cssSelector("#presence li[data-id='" + user + "'][data-status='" + status + "']")).isEmpty());
    }

    /** Present at all: with "away" after 3 s, a slow browser start may already show a user away. */
    private static void seesPresent(Browser browser, String user) {
        browser.await(user + " shown present", d -> !d.findElements(By.cssSelector("#presence li[data-id='" + user + "']")).isEmpty());
    }

    private static void seesMessage(Browser browser, String list, String text) {
        browser.await("'" + text + "' in " + list, d -> browser.texts("#" + list + " li").stream().anyMatch(li -> li.contains(text)));
    }

    private static void say(Browser browser, String text) {
        browser.type("#text", text);
        browser.click("#sendButton");
    }

    @AfterAll
    static void closeBrowsers() {
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
    }

    @Test
    @Order(1)
    void twoUsersChatInARoomAndSeeEachOthersPresence() {
        alice = signIn("alice");
        bob = signIn("bob");

        seesPresent(alice, "bob");
        seesPresent(bob, "alice");
        say(alice, "hello bob");
        seesMessage(bob, "messages", "alice: hello bob");
        say(bob, "hi alice");
        seesMessage(alice, "messages", "bob: hi alice");
        alice.click("#rollButton");
        seesMessage(bob, "messages", "alice rolled");
    }

    @Test
    @Order(2)
    void anIdleUserShowsAsAwayAndComesBackOnline() {
        seesPresence(alice, "bob", "away");
        say(bob, "back again");
        seesPresence(alice, "bob", "online");
        seesMessage(alice, "messages", "bob: back again");
    }

    @Test
    @Order(3)
    void whenTheServerDropsTheConnectionThePagesReconnectRejoinAndKeepChatting() throws Exception {
        HttpResponse<String> dropped = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(page().replace("/chat.html", "/tck/drop-connections")))
                        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dropped.body()).isEqualTo("dropped 2");

        for (Browser browser : new Browser[] {alice, bob}) {
            browser.await("rejoined after the drop", d -> browser.texts("#messages li").stream()
                    .filter(li -> li.equals("joined room:lobby")).count() == 2);
            browser.await("connected again", d -> browser.find("#status").getAttribute("data-state").equals("connected"));
        }
        seesPresent(alice, "bob");
        seesPresent(bob, "alice");
        say(bob, "still here");
        seesMessage(alice, "messages", "bob: still here");
    }

    @Test
    @Order(4)
    void aPageThatWasDroppedShowsWhatWasPublishedMeanwhileInOrderAndOnce() throws Exception {
        HttpResponse<String> dropped = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(page().replace("/chat.html", "/tck/drop-connections?user=bob&channel=room:lobby&publish=5")))
                        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dropped.body()).isEqualTo("dropped 1, published 5");

        bob.await("rejoined a third time", d -> bob.texts("#messages li").stream().filter(li -> li.equals("joined room:lobby")).count() == 3);
        seesMessage(bob, "messages", "server: missed 5");
        say(alice, "after the gap");
        seesMessage(bob, "messages", "alice: after the gap");
        // Newest first on the page: the missed ones, once each and in order, then the live one.
        List<String> shown = bob.texts("#messages li").stream().filter(li -> li.startsWith("server: missed ") || li.endsWith("after the gap"))
                .toList();
        assertThat(shown).containsExactly("alice: after the gap", "server: missed 5", "server: missed 4", "server: missed 3",
                "server: missed 2", "server: missed 1");
        assertThat(bob.texts("#messages li")).noneMatch(li -> li.contains("were missed"));
    }

    @Test
    @Order(5)
    void aForbiddenActionShowsItsTypedError() {
        bob.type("#announcement", "me too");
        bob.click("#announceButton");
        seesMessage(bob, "errors", "announcing: forbidden: Your role 'member' in group 'announcements' lacks permission 'group_message'");

        alice.type("#announcement", "release at five");
        alice.click("#announceButton");
        seesMessage(bob, "notifications", "announcement from alice: release at five");
        bob.screenshot(Path.of("target", "screenshots", "chat.png"));
    }
}
