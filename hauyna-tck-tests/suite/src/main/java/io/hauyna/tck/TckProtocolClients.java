package io.hauyna.tck;

import io.hauyna.jakarta.testing.TestClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** Connecting to {@link TckProtocolEndpoint} and speaking the protocol from tests. */
public final class TckProtocolClients {

    private TckProtocolClients() {
    }

    /** Connects and waits for a pong, so the connection is registered when this returns. */
    public static TestClient connect(URL base, String user, String extraQuery) {
        TestClient client = TestClient.connect(TckUris.ws(base, "/protocol?user_id=" + user + extraQuery));
        client.send("{\"type\":\"ping\",\"ref\":\"sync\"}");
        assertThat(client.next()).isEqualTo("{\"type\":\"pong\",\"ref\":\"sync\"}");
        return client;
    }

    /** Subscribes and checks the ok reply. */
    public static void join(TestClient client, String channel, String metadataJson) {
        client.send("{\"type\":\"subscribe_channel\",\"channel\":\"" + channel + "\",\"metadata\":" + metadataJson + ",\"ref\":\"join\"}");
        assertThat(client.next()).isEqualTo("{\"type\":\"reply\",\"ref\":\"join\",\"status\":\"ok\"}");
    }

    public static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
