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
 * <p>Patterns are matched against the template of the route a connection comes through (as the
 * container chose it, however the client spelled the path): a literal segment must equal the
 * template's, a {@code {name}} stands for any segment, a final {@code /*} covers everything below,
 * and {@code /*} alone covers every route. So {@code /chat/{room}} and {@code /chat/*} both cover
 * the route {@code /chat/{room}}, and {@code /admin/*} covers {@code /admin/console}. A pattern
 * that is not valid fails the deployment.
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
