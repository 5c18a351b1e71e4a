package io.hauyna.jakarta.internal.ops;

/**
 * Fired once the application has started and has its name, before its first client connects;
 * what exports Hauyna's figures (the optional metrics adapters) starts on it.
 *
 * @param application the application's name: its context path without the slash ({@code root}
 *                    for "/"), or {@code hauyna} outside a servlet container
 */
public record ApplicationStarted(String application) {
}
