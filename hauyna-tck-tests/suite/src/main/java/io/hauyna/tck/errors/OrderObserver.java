package io.hauyna.tck.errors;

import io.hauyna.jakarta.ClientEvent;
import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.HauynaEvent;
import io.hauyna.jakarta.HauynaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.util.Map;

/** Binds and validates event data with the server's Bean Validation; refuses bulk orders with a typed exception. */
@ApplicationScoped
public class OrderObserver {

    public record Order(@NotBlank String item, @Min(1) int quantity) {
    }

    void order(@Observes @HauynaEvent("order") ClientEvent event) {
        Order order = event.dataAs(Order.class);
        if (order.quantity() > 100) {
            throw new HauynaException(ErrorType.FORBIDDEN, "Bulk orders need a staff account", Map.of("max", 100));
        }
        event.reply(Map.of("accepted", order.item()));
    }
}
