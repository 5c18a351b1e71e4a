package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.spi.EndpointProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Creates each endpoint as a {@code @Dependent} CDI bean and destroys it after {@code @OnClose}. */
@ApplicationScoped
public class CdiEndpointProvider implements EndpointProvider {

    @Inject
    BeanManager beanManager;

    /** Keyed by identity: an endpoint's own equals() must not confuse two connections. */
    private final Map<Object, Created<?>> created = Collections.synchronizedMap(new IdentityHashMap<>());

    private record Created<T>(Bean<T> bean, CreationalContext<T> context) {
        void destroy(Object instance) {
            bean.destroy(bean.getBeanClass().isInstance(instance) ? cast(instance) : null, context);
        }

        @SuppressWarnings("unchecked")
        private T cast(Object instance) {
            return (T) instance;
        }
    }

    @Override
    public <T> T create(Class<T> endpointClass) throws InstantiationException {
        Bean<T> bean = beanOf(endpointClass);
        CreationalContext<T> context = beanManager.createCreationalContext(bean);
        T instance = bean.create(context);
        created.put(instance, new Created<>(bean, context));
        return instance;
    }

    @Override
    public void destroy(Object endpoint) {
        Created<?> entry = created.remove(endpoint);
        if (entry != null) {
            entry.destroy(endpoint);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Bean<T> beanOf(Class<T> endpointClass) throws InstantiationException {
        List<Bean<?>> beans = beanManager.getBeans(endpointClass).stream()
                .filter(bean -> bean.getBeanClass() == endpointClass)
                .toList();
        if (beans.size() != 1) {
            throw new InstantiationException("Endpoint " + endpointClass.getName() + " is not a CDI bean, so HauynaConfigurator"
                    + " cannot create it: annotate it with @jakarta.enterprise.context.Dependent (or use bean-discovery-mode=\"all\")");
        }
        Bean<T> bean = (Bean<T>) beans.get(0);
        if (bean.getScope() != Dependent.class) {
            throw new InstantiationException("Endpoint " + endpointClass.getName() + " is @" + bean.getScope().getSimpleName()
                    + ", but a WebSocket endpoint needs one instance per connection: make it @Dependent");
        }
        return bean;
    }
}
