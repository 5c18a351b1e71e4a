package io.hauyna.jakarta.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits a {@link HandshakeFilter} or {@link MessageInterceptor} bean to some routes. Without it,
 * the bean applies to every Hauyna route.
 *
 * <p>Patterns are paths inside the application (without the context path): a route template such
 * as {@code /chat/{room}} ({@code {name}} matches one segment), optionally ending in {@code /*} to
 * match everything below it, or {@code /*} alone. A pattern that is not valid fails the
 * deployment.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @ForRoutes({"/admin/*", "/chat/{room}"})
 * public class StaffOnly implements HandshakeFilter { ... }
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ForRoutes {

    /** @return the route patterns the bean applies to; at least one */
    String[] value();
}
