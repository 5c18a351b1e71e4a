package io.hauyna.jakarta.internal.config;

import io.hauyna.jakarta.HauynaConfigKeys;
import io.hauyna.jakarta.spi.SharedHistory.Retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which channels keep a history, and how much: {@link HauynaConfigKeys#HISTORY_CHANNELS}, e.g.
 * {@code room:, news: size=500 ttl=3600}. The longest matching prefix decides.
 */
public final class HistoryPolicy {

    private record Entry(String prefix, Retention retention) {
    }

    private final List<Entry> entries;

    private HistoryPolicy(List<Entry> entries) {
        this.entries = entries;
    }

    /** @return the policy of no history at all */
    public static HistoryPolicy none() {
        return new HistoryPolicy(List.of());
    }

    /**
     * @param value      the value of {@link HauynaConfigKeys#HISTORY_CHANNELS}
     * @param defaults   the limits of entries that name none
     * @param maxSize    the largest size allowed (the outbound queue's message limit)
     * @throws IllegalArgumentException naming the entry that is malformed
     */
    public static HistoryPolicy parse(String value, Retention defaults, int maxSize) {
        List<Entry> entries = new ArrayList<>();
        for (String text : value.split(",")) {
            String[] words = text.trim().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            int size = defaults.size();
            Duration ttl = defaults.ttl();
            for (int i = 1; i < words.length; i++) {
                String[] option = words[i].split("=", 2);
                long number = option.length == 2 && option[1].matches("\\d{1,9}") ? Long.parseLong(option[1]) : -1;
                if (option[0].equals("size") && number >= 1) {
                    size = (int) number;
                } else if (option[0].equals("ttl") && number >= 1) {
                    ttl = Duration.ofSeconds(number);
                } else {
                    throw new IllegalArgumentException("'" + text.trim() + "': '" + words[i]
                            + "' is not an option; write a prefix, then optionally size=<messages> and ttl=<seconds>, e.g. 'room: size=500 ttl=3600'");
                }
            }
            if (size > maxSize) {
                throw new IllegalArgumentException("'" + text.trim() + "' keeps " + size + " messages, more than "
                        + HauynaConfigKeys.OUTBOUND_MAX_MESSAGES + " (" + maxSize + "): a replay could not fit a client's queue");
            }
            entries.add(new Entry(words[0].equals("*") ? "" : words[0], new Retention(size, ttl)));
        }
        entries.sort(Comparator.comparingInt((Entry entry) -> entry.prefix().length()).reversed());
        return new HistoryPolicy(List.copyOf(entries));
    }

    /** @return how much the channel keeps; empty when it keeps no history */
    public Optional<Retention> retentionOf(String channel) {
        for (Entry entry : entries) {
            if (channel.startsWith(entry.prefix())) {
                return Optional.of(entry.retention());
            }
        }
        return Optional.empty();
    }

    /** @return whether any channel keeps a history */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** @return the entries as configured, for the start-up log line */
    public String describe() {
        return entries.isEmpty() ? "none" : entries.stream().map(entry -> (entry.prefix().isEmpty() ? "*" : entry.prefix() + "*")
                + " (" + entry.retention().size() + " messages, " + entry.retention().ttl().toSeconds() + " s)").toList().toString();
    }
}
