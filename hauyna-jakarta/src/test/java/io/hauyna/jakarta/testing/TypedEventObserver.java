package io.hauyna.jakarta.testing;

import io.hauyna.jakarta.ClientEvent;
import io.hauyna.jakarta.HauynaEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;

/** Binds event {@code e}'s data to a typed class, so hostile data reaches the server's JSON-B too. */
@ApplicationScoped
public class TypedEventObserver {

    /** What the event's data should be. */
    public static class Order {
        public int quantity;
        public long id;
        public double price;
        public String item;
        public List<String> tags;
        public Map<String, Integer> extras;
    }

    void typed(@Observes @HauynaEvent("e") ClientEvent event) {
        Order order = event.dataAs(Order.class);
        event.reply(Map.of("item", String.valueOf(order.item)));
    }
}
