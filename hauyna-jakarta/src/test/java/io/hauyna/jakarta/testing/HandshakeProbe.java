package io.hauyna.jakarta.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Attempts one WebSocket upgrade with the JDK client and reports the HTTP status the server
 * answered: 101 when the WebSocket opened (it is closed again at once), else the refusal's status.
 */
public final class HandshakeProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private HandshakeProbe() {
    }

    /** The outcome of one upgrade attempt. */
    public record Result(int status, String body) {
    }

    public static Result upgrade(URI uri, Map<String, String> headers, List<String> subprotocols) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        try {
            WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {
            }).get(15, TimeUnit.SECONDS);
            socket.abort();
            return new Result(101, "");
        } catch (Exception e) {
            Throwable cause = e instanceof CompletionException || e.getCause() != null ? e.getCause() : e;
            if (cause instanceof WebSocketHandshakeException refused) {
                Object body = refused.getResponse().body();
                return new Result(refused.getResponse().statusCode(), body == null ? "" : body.toString());
            }
            throw new AssertionError("Upgrade to " + uri + " failed without an HTTP answer", e);
        }
    }

    public static int status(URI uri, Map<String, String> headers) {
        return upgrade(uri, headers, List.of()).status();
    }
}
