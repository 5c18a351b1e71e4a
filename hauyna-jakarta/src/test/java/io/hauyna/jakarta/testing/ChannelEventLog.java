package io.hauyna.jakarta.testing;

import io.hauyna.jakarta.ChannelJoined;
import io.hauyna.jakarta.ChannelLeft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every channel event, to count them. */
@ApplicationScoped
public class ChannelEventLog {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    void joined(@Observes ChannelJoined joined) {
        events.add(joined);
    }

    void left(@Observes ChannelLeft left) {
        events.add(left);
    }

    public List<Object> events() {
        return List.copyOf(events);
    }

    public long count(Class<?> type, String channel) {
        return events.stream().filter(type::isInstance).filter(event -> event.toString().contains("channel=" + channel + ",")).count();
    }
}
