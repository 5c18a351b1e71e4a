package io.hauyna.bench;

/** Waiting in the harness's polling loops: an interruption ends the run rather than being lost. */
public final class Pause {

    private Pause() {
    }

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Waits until {@code System.nanoTime()} reaches {@code nanoTime}; returns at once if it has. */
    public static void until(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            millis(Math.max(1, left / 1_000_000));
        }
    }
}
