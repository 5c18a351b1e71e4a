package io.hauyna.jakarta.spi;

/**
 * Creates and destroys the endpoint instances behind {@link io.hauyna.jakarta.HauynaConfigurator},
 * one per connection.
 *
 * <p>The default creates each endpoint as a CDI bean, so {@code @Inject}, {@code @PostConstruct},
 * interceptors and {@code @PreDestroy} work on every server, and so that Hauyna's lifecycle
 * interceptor sees {@code @OnOpen} and {@code @OnClose}. It requires the endpoint class to be a
 * bean: give it a bean-defining annotation such as {@code @Dependent}, or put it in an archive with
 * {@code bean-discovery-mode="all"}.
 *
 * <p>Replace it with an {@code @Alternative @Priority(...)} bean only for a runtime that must create
 * endpoints itself; an instance that is not a CDI bean is not intercepted, so its endpoint must
 * call {@link io.hauyna.jakarta.Connections#register} and {@code unregister} itself.
 *
 * @since 0.1
 */
public interface EndpointProvider {

    /**
     * @param endpointClass the {@code @ServerEndpoint} class
     * @param <T>           its type
     * @return a new instance for one connection
     * @throws InstantiationException when the class cannot be created, with a message that says how to fix it
     */
    <T> T create(Class<T> endpointClass) throws InstantiationException;

    /**
     * Releases an instance this provider created (runs its {@code @PreDestroy}). Called once, after
     * the endpoint's {@code @OnClose}; unknown instances are ignored.
     *
     * @param endpoint an instance returned by {@link #create(Class)}
     */
    void destroy(Object endpoint);
}
