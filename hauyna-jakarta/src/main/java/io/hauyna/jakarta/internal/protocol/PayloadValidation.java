package io.hauyna.jakarta.internal.protocol;

import io.hauyna.jakarta.HauynaException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Bean Validation of bound event data, when the runtime has it. Bean Validation is optional (a
 * server may run without it, e.g. Open Liberty without the beanValidation feature), so no type of
 * {@code jakarta.validation} appears here: {@link BeanValidation} is loaded only once the API is known
 * to be present.
 */
@ApplicationScoped
public class PayloadValidation {

    private static final Logger LOG = Logger.getLogger(PayloadValidation.class.getName());

    private UnaryOperator<Object> validator = UnaryOperator.identity();

    @PostConstruct
    void findValidator() {
        try {
            Class.forName("jakarta.validation.Validator", false, PayloadValidation.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            LOG.info("Bean Validation is not available: event data is bound but not validated");
            return;
        }
        validator = BeanValidation.validator().orElseGet(() -> {
            LOG.info("No Bean Validation provider: event data is bound but not validated");
            return UnaryOperator.identity();
        });
    }

    /** @throws HauynaException validation_error naming each violated field */
    @SuppressWarnings("unchecked")
    public <T> T validate(T bound) {
        return bound == null ? null : (T) validator.apply(bound);
    }
}
