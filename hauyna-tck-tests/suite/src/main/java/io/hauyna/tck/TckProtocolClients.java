package io.hauyna.tck;

import io.hauyna.jakarta.testing.TestClient;

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
}
