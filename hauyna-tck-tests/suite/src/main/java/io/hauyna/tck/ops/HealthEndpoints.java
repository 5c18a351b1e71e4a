package io.hauyna.tck.ops;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URL;
import java.util.Optional;

/**
 * Where the server under test answers MicroProfile Health, as its module says in
 * {@code tck.ops.health}: {@code none}, {@code http} (the application's HTTP port) or a base URL
 * (WildFly's management port).
 */
final class HealthEndpoints {

    private HealthEndpoints() {
    }

    /** @return the base URL of {@code /health/*}, or empty when the server has no MicroProfile Health */
    static Optional<String> base(URL deployment) {
        String health = System.getProperty("tck.ops.health", "none");
        return switch (health) {
            case "none" -> Optional.empty();
            case "http" -> Optional.of("http://localhost:" + deployment.getPort());
            default -> Optional.of(health);
        };
    }

    /** @return an application's {@code hauyna} check in a health response (a server may hold several applications') */
    static Optional<JsonObject> hauynaCheck(String body, String application) {
        JsonObject health = Json.createReader(new StringReader(body)).readObject();
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals("hauyna"))
                .filter(check -> check.getJsonObject("data").getString("application").equals(application))
                .findFirst();
    }
}
