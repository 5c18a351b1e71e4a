package io.hauyna.jakarta;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Names the custom event a {@link ClientEvent} observer handles:
 *
 * <pre>{@code
 * void onNewMessage(@Observes @HauynaEvent("new_message") ClientEvent event) {
 *     event.reply(Map.of("stored", true));
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface HauynaEvent {

    /** @return the event name, as clients send it in the {@code event} field */
    String value();

    /** Builds the qualifier for a name, e.g. to select observers programmatically. */
    final class Literal extends AnnotationLiteral<HauynaEvent> implements HauynaEvent {
        private static final long serialVersionUID = 1L;
        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
