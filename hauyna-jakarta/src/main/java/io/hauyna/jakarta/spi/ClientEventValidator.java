package io.hauyna.jakarta.spi;

import io.hauyna.jakarta.ClientEvent;

/**
 * Application rules checked for every client event before any observer runs. Implement it as a
 * CDI bean; every implementation is asked. Refuse an event by throwing a
 * {@link io.hauyna.jakarta.HauynaException} (typically {@code VALIDATION_ERROR} with the offending
 * fields in its details): the client receives that error and no observer runs.
 *
 * <p>Bean Validation needs no validator of this kind: {@link ClientEvent#dataAs(Class)} validates
 * the bound object's constraints by itself.
 *
 * @since 0.1
 */
public interface ClientEventValidator {

    /**
     * @param event the event about to be delivered (its {@link ClientEvent#name()} and data)
     * @throws io.hauyna.jakarta.HauynaException to refuse it
     */
    void validate(ClientEvent event);
}
