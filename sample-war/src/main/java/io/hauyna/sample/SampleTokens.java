package io.hauyna.sample;

import io.hauyna.jakarta.spi.TokenVerifier;
import io.hauyna.jakarta.spi.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Issues and verifies the sample's HMAC-SHA256 signed tokens:
 * {@code base64url(user) "." expiry-epoch-seconds "." base64url(hmac(secret, the first two parts))}.
 *
 * <p>The secret comes from the {@code HAUYNA_SAMPLE_TOKEN_SECRET} environment variable (or the
 * {@code sample.token-secret} system property); without one, a random secret is made at start-up,
 * so tokens do not survive a restart. A real application would verify the tokens its identity
 * provider issues (e.g. a JWT) the same way.
 */
@ApplicationScoped
public class SampleTokens implements TokenVerifier {

    static final Duration LIFETIME = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(SampleTokens.class.getName());
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret = loadSecret();

    private static byte[] loadSecret() {
        String configured = Optional.ofNullable(System.getenv("HAUYNA_SAMPLE_TOKEN_SECRET"))
                .orElse(System.getProperty("sample.token-secret"));
        if (configured != null && configured.length() >= 32) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        LOG.info("Sample tokens are signed with a random secret made at start-up (set HAUYNA_SAMPLE_TOKEN_SECRET,"
                + " 32 characters or more, to keep tokens valid across restarts)");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /** @return whether {@code user} is a name the sample accepts */
    static boolean isValidUser(String user) {
        return user != null && USER.matcher(user).matches();
    }

    /** Signs a token for a user who signed in. */
    String issue(String user, Instant expiresAt) {
        String payload = ENCODER.encodeToString(user.getBytes(StandardCharsets.UTF_8)) + "." + expiresAt.getEpochSecond();
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    @Override
    public Optional<VerifiedToken> verify(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] signature = DECODER.decode(parts[2]);
            // Constant-time comparison: the time taken must not reveal how much of a forged signature matched.
            if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            String user = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            return expiresAt.isAfter(Instant.now()) && isValidUser(user)
                    ? Optional.of(new VerifiedToken(user, expiresAt)) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
