package io.hauyna.jakarta.internal.handshake;

import io.hauyna.jakarta.Handshake;
import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.internal.FailureLog;
import io.hauyna.jakarta.internal.connection.GracefulShutdown;
import io.hauyna.jakarta.internal.metrics.HauynaMetrics;
import io.hauyna.jakarta.internal.Texts;
import io.hauyna.jakarta.internal.ThrottledLog;
import io.hauyna.jakarta.internal.config.HauynaSettings;
import io.hauyna.jakarta.internal.route.RouteDeployment;
import io.hauyna.jakarta.internal.route.RouteScoped;
import io.hauyna.jakarta.spi.HandshakeContext;
import io.hauyna.jakarta.spi.HandshakeDecision;
import io.hauyna.jakarta.spi.HandshakeFilter;
import io.hauyna.jakarta.spi.TokenVerifier;
import io.hauyna.jakarta.spi.VerifiedToken;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.websocket.server.HandshakeRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every check an upgrade passes before a WebSocket opens, in order: origin, the application's
 * {@link HandshakeFilter}s, a bearer token, the identifier resolvers, the anonymous rule. Run once
 * per upgrade: by {@link HandshakeServletFilter} where a servlet filter sees the upgrade (so a
 * refusal is a real HTTP status), else by the configurator.
 */
@ApplicationScoped
public class HandshakeGate {

    private static final Logger LOG = Logger.getLogger(HandshakeGate.class.getName());
    /** Hands the servlet filter's outcome to the configurator, which the container calls on the same thread. */
    private static final ThreadLocal<HandshakeOutcome> DECIDED_BY_SERVLET_FILTER = new ThreadLocal<>();

    @Inject
    HauynaSettings settings;

    @Inject
    Identification identification;

    @Inject
    RouteDeployment routes;

    @Inject
    @Any
    Instance<HandshakeFilter> filterBeans;

    @Inject
    @Any
    Instance<TokenVerifier> verifiers;

    @Inject
    FailureLog failures;

    @Inject
    HauynaMetrics metrics;

    @Inject
    GracefulShutdown shutdown;

    private final ThrottledLog refusedOrigins = new ThrottledLog(LOG);
    private final ThrottledLog nullDecisions = new ThrottledLog(LOG);
    private List<RouteScoped<HandshakeFilter>> filters;

    @PostConstruct
    void orderFilters() {
        filters = RouteScoped.all(filterBeans, HandshakeFilter.APPLICATION);
    }

    /**
     * @param handshake the upgrade request, with the template of the route it is for
     * @param peer  the address the request came from (a proxy's, behind one), or {@code null} when unknown
     * @param check whether this is a handshake check rather than an upgrade
     * @return the decision, with the client's address; never {@code null}
     */
    HandshakeOutcome decide(Handshake handshake, String peer, boolean check) {
        String client = settings.clientAddresses().clientOf(peer, handshake);
        HandshakeOutcome outcome = decideFor(handshake, client, check).from(client);
        if (outcome.isRefused() && !check) {
            metrics.handshakeRefused(outcome.status());
        }
        return outcome;
    }

    private HandshakeOutcome decideFor(Handshake handshake, String remoteAddress, boolean check) {
        if (shutdown.draining()) {
            return HandshakeOutcome.refused(handshake, 503, "The server is shutting down: connect to another one");
        }
        Optional<String> originRefusal = settings.originPolicy().refusal(handshake, check);
        if (originRefusal.isPresent()) {
            // A client chooses its Origin and may send thousands: the operator hears of it at most once a minute.
            refusedOrigins.log(Level.INFO, "origin", () -> "Hauyna refused a WebSocket upgrade to " + handshake.route()
                    + " from origin '" + Texts.shortened(handshake.header("Origin").orElse("(none)"), 100) + "' (Host '"
                    + Texts.shortened(handshake.header("Host").orElse(""), 100) + "'): allowed origins are " + settings.originPolicy().describe()
                    + "; set " + HauynaConfigKeys.ORIGINS_ALLOWED + " to allow others");
            return HandshakeOutcome.refused(handshake, 403, originRefusal.get());
        }
        if (HauynaSettings.CONSOLE_ROUTE.equals(handshake.route())) {
            // The console's own rule (ConsoleFilter, or consoleRefusal) replaces the application's filters and identification.
            return HandshakeOutcome.accepted(handshake, Optional.empty(), null, Map.of());
        }
        HandshakeContext context = new HandshakeContext(handshake, remoteAddress);
        for (RouteScoped<HandshakeFilter> scoped : filters) {
            if (!scoped.appliesTo(handshake.route())) {
                continue;
            }
            HandshakeDecision decision;
            try {
                decision = scoped.bean().filter(context);
            } catch (RuntimeException e) {
                failures.log("Handshake filter " + scoped.name() + " failed for " + handshake + "; refusing the upgrade", e);
                return HandshakeOutcome.refused(handshake, 500, "The server failed to check this request");
            }
            if (decision == null) {
                nullDecisions.log(Level.WARNING, scoped.name(), () -> "Handshake filter " + scoped.name()
                        + " returned null; refusing the upgrade (return HandshakeDecision.proceed())");
                return HandshakeOutcome.refused(handshake, 500, "The server failed to check this request");
            }
            if (!decision.allowed()) {
                LOG.fine(() -> "Handshake filter " + scoped.name() + " refused " + handshake + " with " + decision.status());
                return HandshakeOutcome.refused(handshake, decision.status(), decision.reason());
            }
        }
        return identify(handshake, context.attachments());
    }

    /** Token first, then the resolvers, then the anonymous rule. */
    public HandshakeOutcome identify(Handshake handshake, Map<String, Object> attachments) {
        Optional<String> token = verifiers.isUnsatisfied() ? Optional.empty()
                : BearerTokens.find(handshake, settings.tokenQueryParameter());
        if (token.isPresent()) {
            Optional<VerifiedToken> verified = verify(token.get());
            if (verified.isEmpty() || verified.get().expiry().filter(Instant.now()::isAfter).isPresent()) {
                return HandshakeOutcome.refused(handshake, 401, "The token is not valid or has expired: sign in again");
            }
            return HandshakeOutcome.accepted(handshake, Optional.of(verified.get().identifier()), verified.get().expiresAt(), attachments);
        }
        Optional<String> identifier;
        try {
            identifier = routes.handlerOf(handshake.route()).flatMap(handler -> handler.extractIdentifier(handshake))
                    .filter(id -> !id.isBlank());
            if (identifier.isEmpty()) {
                identifier = identification.identify(handshake);
            }
        } catch (SecurityException | IllegalStateException resolverFailed) {
            LOG.log(Level.FINE, "Identifying " + handshake + " failed", resolverFailed);
            return HandshakeOutcome.refused(handshake, 401, "Authentication failed");
        }
        if (identifier.isEmpty() && !settings.allowAnonymous()) {
            return HandshakeOutcome.refused(handshake, 401, "Authentication required: sign in first");
        }
        return HandshakeOutcome.accepted(handshake, identifier, null, attachments);
    }

    private Optional<VerifiedToken> verify(String token) {
        for (TokenVerifier verifier : verifiers) {
            try {
                Optional<VerifiedToken> verified = verifier.verify(token);
                if (verified != null && verified.isPresent()) {
                    return verified;
                }
            } catch (RuntimeException e) {
                failures.log("Token verifier " + verifier.getClass().getName() + " failed; treating the token as invalid", e);
            }
        }
        return Optional.empty();
    }

    /** Makes the servlet filter's outcome visible to {@link #outcomeFor} on this thread until {@link #upgradeDone()}. */
    static void upgrading(HandshakeOutcome outcome) {
        DECIDED_BY_SERVLET_FILTER.set(outcome);
    }

    static void upgradeDone() {
        DECIDED_BY_SERVLET_FILTER.remove();
    }

    /**
     * The outcome for an upgrade the configurator sees: the servlet filter's when it already
     * decided for this request, else decided now.
     */
    HandshakeOutcome outcomeFor(Handshake handshake, HandshakeRequest request) {
        HandshakeOutcome decided = DECIDED_BY_SERVLET_FILTER.get();
        // The servlet filter's guess of the route must be the container's choice, or its identity
        // (a route's own extractIdentifier) and its filters may not be this route's: decide again.
        if (decided == null) {
            String peer = peerOf(request);
            return consoleRefusal(handshake, peer).orElseGet(() -> decide(handshake, peer, false));
        }
        if (decided.requestPath().equals(handshake.requestUri().getRawPath()) && decided.route().equals(handshake.route())) {
            return decided;
        }
        // The servlet filter knew the client's address; the API gives the configurator none.
        return consoleRefusal(handshake, decided.clientAddress())
                .orElseGet(() -> decideFor(handshake, decided.clientAddress(), false).from(decided.clientAddress()));
    }

    /**
     * The console's rule where its servlet filter did not check this upgrade (no servlet filter
     * saw it, or saw another path): only clients on this machine, as a role needs the servlet
     * request.
     */
    private Optional<HandshakeOutcome> consoleRefusal(Handshake handshake, String peer) {
        if (!HauynaSettings.CONSOLE_ROUTE.equals(handshake.route()) || settings.clientAddresses().isOnThisMachine(peer, handshake)) {
            return Optional.empty();
        }
        metrics.handshakeRefused(403);
        return Optional.of(HandshakeOutcome.refused(handshake, 403, "The Hauyna console is not open to this client").from(peer));
    }

    /**
     * Where no servlet filter saw the upgrade, some WebSocket runtimes still tell the peer's
     * address (Tyrus: {@code RequestContext#getRemoteAddr()}); the API has no portable way.
     */
    private static String peerOf(HandshakeRequest request) {
        try {
            Object address = request.getClass().getMethod("getRemoteAddr").invoke(request);
            return address instanceof String text ? text : null;
        } catch (ReflectiveOperationException | RuntimeException notOffered) {
            return null;
        }
    }



    /**
     * Called by {@link io.hauyna.jakarta.HauynaConfigurator#modifyHandshake}: captures the handshake
     * and its outcome where registration will find them.
     */
    public void record(String route, HandshakeRequest request, Map<String, Object> userProperties) {
        Handshake handshake = Handshake.of(route, request);
        HandshakeCapture.leave(userProperties, handshake, outcomeFor(handshake, request));
    }
}
