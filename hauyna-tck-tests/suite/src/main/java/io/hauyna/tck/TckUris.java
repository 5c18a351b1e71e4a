package io.hauyna.tck;

import java.net.URI;
import java.net.URL;

/** WebSocket addresses of a deployment, always on loopback. */
public final class TckUris {

    private TckUris() {
    }

    /**
     * Some adapters report the host's network address (Payara Micro does); tests only ever talk to
     * loopback, so the host is replaced and only the port and context path are kept.
     *
     * @param deployment    the base URL Arquillian injected with {@code @ArquillianResource}
     * @param pathAndQuery  a path below the context root, e.g. {@code /commands/lobby?user_id=a}
     */
    public static URI ws(URL deployment, String pathAndQuery) {
        String context = deployment.getPath().replaceAll("/+$", "");
        return URI.create("ws://localhost:" + deployment.getPort() + context + pathAndQuery);
    }
}
