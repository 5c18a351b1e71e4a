package io.hauyna.jakarta.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A client that stops reading: the JDK's WebSocket client reads only as many messages as it is
 * asked for, so after {@code readFirst} messages it leaves everything in the socket and the
 * server's writes back up. A different implementation from the Tyrus test client on purpose.
 */
public final class StalledClient implements AutoCloseable {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    private StalledClient(URI uri, int readFirst) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket webSocket) {
                        if (readFirst > 0) {
                            webSocket.request(readFirst);
                        }
                    }

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }

    /** Connects, reads {@code readFirst} messages as they come, then never reads again. */
    public static StalledClient connect(URI uri, int readFirst) {
        try {
            return new StalledClient(uri, readFirst);
        } catch (Exception e) {
            throw new AssertionError("Could not connect to " + uri, e);
        }
    }

    /** @return the messages read before the client stalled */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Sends a text frame; writing works even though the client does not read. */
    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Drops the TCP connection without a closing handshake, like a crashed client. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
