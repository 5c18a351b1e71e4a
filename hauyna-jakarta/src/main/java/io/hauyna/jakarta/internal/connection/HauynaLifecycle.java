package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.internal.HauynaExtension;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link ConnectionLifecycleInterceptor} to the lifecycle methods of endpoints that use
 * {@link io.hauyna.jakarta.HauynaConfigurator}. Added by {@link HauynaExtension}; applications never
 * write it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface HauynaLifecycle {

    /** The instance the extension adds. */
    final class Literal extends AnnotationLiteral<HauynaLifecycle> implements HauynaLifecycle {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
