package io.hauyna.bench;

import java.util.Locale;

/**
 * One line per step on standard output, with the time since the run began and what is being
 * measured, so that a run of many minutes shows where it is.
 */
public final class Progress {

    private static final long STARTED = System.nanoTime();
    private static volatile String context = "";

    private Progress() {
    }

    /** @param current e.g. "Payara Micro 6.2025.10 · fan-out" */
    public static void context(String current) {
        context = current;
    }

    public static void say(String format, Object... arguments) {
        long seconds = (System.nanoTime() - STARTED) / 1_000_000_000L;
        String line = String.format(Locale.ROOT, "[%02d:%02d] %s%s", seconds / 60, seconds % 60,
                context.isEmpty() ? "" : context + " · ", String.format(Locale.ROOT, format, arguments));
        System.out.println(line);
        System.out.flush();
    }
}
