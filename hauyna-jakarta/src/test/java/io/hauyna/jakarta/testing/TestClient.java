package io.hauyna.jakarta.testing;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import org.glassfish.tyrus.client.ClientManager;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real WebSocket client (Tyrus) that records what it receives. Waits are bounded and their
 * failures say what did arrive.
 */
public final class TestClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final WebSocketContainer CONTAINER = ClientManager.createClient();

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private Session session;

    private TestClient() {
    }

    public static TestClient connect(URI uri) {
        return connect(uri, Map.of());
    }

    /** Connects with extra handshake headers, e.g. {@code Origin} or {@code Authorization}; an empty value removes that header. */
    public static TestClient connect(URI uri, Map<String, String> headers) {
        return connect(uri, headers, List.of());
    }

    /** Connects offering subprotocols, e.g. {@code hauyna} and {@code bearer.<token>}. */
    public static TestClient connect(URI uri, Map<String, String> headers, List<String> subprotocols) {
        TestClient client = new TestClient();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(subprotocols)
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> requestHeaders) {
                        headers.forEach((name, value) -> {
                            // Tyrus adds some headers itself (e.g. Origin): an empty value removes one.
                            requestHeaders.keySet().removeIf(present -> present.equalsIgnoreCase(name));
                            if (!value.isEmpty()) {
                                requestHeaders.put(name, List.of(value));
                            }
                        });
                    }
                })
                .build();
        try {
            client.session = CONTAINER.connectToServer(client.new Listener(), config, uri);
        } catch (Exception e) {
            throw new AssertionError("Could not connect to " + uri, e);
        }
        return client;
    }

    private final class Listener extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closed.complete(reason);
        }
    }

    /** @return the subprotocol the server selected; empty when none */
    public String negotiatedSubprotocol() {
        return session.getNegotiatedSubprotocol();
    }

    public void send(String text) {
        try {
            session.getBasicRemote().sendText(text);
        } catch (IOException e) {
            throw new AssertionError("Could not send " + text, e);
        }
    }

    /**
     * Sends a frame the server answers by closing the connection, and waits for the close. The
     * client's own send may fail after the frame was written (Tyrus restarts an idle-timeout task
     * on an executor the close has already shut down); that failure can only come once the server
     * has the frame and closes, so it is not a failure of the test.
     */
    public CloseReason sendAndAwaitClose(String text) {
        try {
            session.getBasicRemote().sendText(text);
        } catch (IOException | RejectedExecutionException | IllegalStateException closedMeanwhile) {
            // Checked below: the close must still come.
        }
        return awaitClose();
    }

    /** @return the next message, waiting at most 10 s */
    public String next() {
        try {
            String message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                fail("No message within " + WAIT + "; received so far: " + abbreviated(seen));
            }
            seen.add(message);
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return the next {@code count} messages in order */
    public List<String> next(int count) {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(next());
        }
        return messages;
    }

    /**
     * @return the next message, or empty once the server has closed the connection with nothing
     *         left to read; waits at most 10 s
     */
    public java.util.Optional<String> nextUnlessClosed() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String message = received.poll(20, TimeUnit.MILLISECONDS);
                if (message != null) {
                    seen.add(message);
                    return java.util.Optional.of(message);
                }
                if (closed.isDone() && received.isEmpty()) {
                    return java.util.Optional.empty();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        throw new AssertionError("Neither a message nor a close within " + WAIT + "; received so far: " + abbreviated(seen));
    }

    /** @return the messages up to and including the first that {@code last} accepts, each waited for at most 10 s */
    public List<String> nextUntil(java.util.function.Predicate<String> last) {
        List<String> messages = new ArrayList<>();
        String message;
        do {
            message = next();
            messages.add(message);
        } while (!last.test(message));
        return messages;
    }

    /** @return every message received and not read yet, without waiting */
    public List<String> drain() {
        List<String> messages = new ArrayList<>();
        received.drainTo(messages);
        seen.addAll(messages);
        return messages;
    }

    /** Asserts that nothing (more) arrives within a short time. */
    public void expectNothing(Duration within) {
        try {
            String unexpected = received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (unexpected != null) {
                fail("Expected no message but received: " + unexpected);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return the close reason the server sent, waiting at most 10 s */
    public CloseReason awaitClose() {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("Connection not closed within " + WAIT + "; received: " + abbreviated(seen), e);
        }
    }

    /** Failure messages show the last few messages, each cut short: a flood must not flood the log. */
    private static String abbreviated(List<String> messages) {
        List<String> last = messages.subList(Math.max(0, messages.size() - 5), messages.size());
        return messages.size() + " message(s), the last: " + last.stream()
                .map(m -> m.length() > 120 ? m.substring(0, 120) + "...(" + m.length() + " chars)" : m)
                .toList();
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /** Closes with a code and reason of the client's choosing. */
    public void close(jakarta.websocket.CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException ignored) {
            // Already gone: nothing to release.
        }
    }

    @Override
    public void close() {
        try {
            if (session.isOpen()) {
                session.close();
            }
        } catch (IOException ignored) {
            // Already gone: nothing to release.
        }
    }
}
