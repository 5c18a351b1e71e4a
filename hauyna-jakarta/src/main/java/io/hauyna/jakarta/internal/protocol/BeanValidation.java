package io.hauyna.jakarta.internal.protocol;

import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.HauynaException;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** The part of {@link PayloadValidation} that touches {@code jakarta.validation}; loaded only when it exists. */
final class BeanValidation {

    private BeanValidation() {
    }

    /** The container's Validator bean, else the default factory's; empty without a provider. */
    static Optional<UnaryOperator<Object>> validator() {
        Validator validator;
        Instance<Validator> container = CDI.current().select(Validator.class);
        if (container.isResolvable()) {
            validator = container.get();
        } else {
            try {
                validator = Validation.buildDefaultValidatorFactory().getValidator();
            } catch (ValidationException noProvider) {
                return Optional.empty();
            }
        }
        Validator chosen = validator;
        return Optional.of(bound -> check(chosen, bound));
    }

    private static Object check(Validator validator, Object bound) {
        Set<ConstraintViolation<Object>> violations = validator.validate(bound);
        if (violations.isEmpty()) {
            return bound;
        }
        Map<String, Object> fields = new TreeMap<>();
        violations.forEach(v -> fields.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b));
        throw new HauynaException(ErrorType.VALIDATION_ERROR, "The event data is invalid: " + fields, Map.of("fields", fields));
    }
}
