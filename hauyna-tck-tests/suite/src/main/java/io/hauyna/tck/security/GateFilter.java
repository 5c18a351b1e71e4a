package io.hauyna.tck.security;

import io.hauyna.jakarta.spi.ForRoutes;
import io.hauyna.jakarta.spi.HandshakeContext;
import io.hauyna.jakarta.spi.HandshakeDecision;
import io.hauyna.jakarta.spi.HandshakeFilter;
import jakarta.enterprise.context.ApplicationScoped;

/** Refuses {@code ?deny=<status>} with that status, counts its calls in {@link ServerStats}, and attaches the client's address. */
@ApplicationScoped
@ForRoutes("/protocol")
public class GateFilter implements HandshakeFilter {

    @Override
    public HandshakeDecision filter(HandshakeContext context) {
        ServerStats.FILTER_CALLS.incrementAndGet();
        context.attach("remote", context.remoteAddress().orElse("unknown"));
        return context.handshake().queryParameter("deny")
                .map(status -> HandshakeDecision.reject(Integer.parseInt(status), "Refused by the TCK filter with " + status))
                .orElse(HandshakeDecision.proceed());
    }
}
