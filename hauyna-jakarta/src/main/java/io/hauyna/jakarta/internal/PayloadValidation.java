package io.hauyna.jakarta.internal;

import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.HauynaException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Bean Validation of bound event data, when the runtime has a provider: the container's
 * {@code Validator} bean, else the default factory; without either, data is not validated.
 */
@ApplicationScoped
public class PayloadValidation {

    private static final Logger LOG = Logger.getLogger(PayloadValidation.class.getName());

    @Inject
    Instance<Validator> containerValidator;

    private Validator validator;

    @PostConstruct
    void findValidator() {
        if (containerValidator.isResolvable()) {
            validator = containerValidator.get();
            return;
        }
        try {
            validator = Validation.buildDefaultValidatorFactory().getValidator();
        } catch (ValidationException | LinkageError noProvider) {
            LOG.info("No Bean Validation provider: event data is bound but not validated");
        }
    }

    /** @throws HauynaException validation_error naming each violated field */
    <T> T validate(T bound) {
        if (validator == null || bound == null) {
            return bound;
        }
        Set<ConstraintViolation<T>> violations = validator.validate(bound);
        if (violations.isEmpty()) {
            return bound;
        }
        Map<String, Object> fields = new TreeMap<>();
        violations.forEach(v -> fields.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b));
        throw new HauynaException(ErrorType.VALIDATION_ERROR, "The event data is invalid: " + fields, Map.of("fields", fields));
    }
}
