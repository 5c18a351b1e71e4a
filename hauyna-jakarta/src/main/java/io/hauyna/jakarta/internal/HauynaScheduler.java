package io.hauyna.jakarta.internal;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one background thread of Hauyna, for work that must not run on the caller's thread (closing
 * a slow client) or must run later. One thread for the whole application, not one per connection.
 */
@ApplicationScoped
public class HauynaScheduler {

    private static final Logger LOG = Logger.getLogger(HauynaScheduler.class.getName());

    @Inject
    FailureLog failures;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hauyna-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs a task soon on the scheduler thread; on the caller's thread if the application is stopping. */
    public void execute(Runnable task) {
        try {
            executor.execute(() -> runLogged(task));
        } catch (RejectedExecutionException stopping) {
            runLogged(task);
        }
    }

    /** Runs a task once after a delay; dropped if the application stops first. */
    public void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(() -> runLogged(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.fine("Scheduler stopped; dropping a delayed task");
        }
    }

    /** Runs a task every {@code period} until the application stops. */
    public void scheduleRepeatedly(Runnable task, Duration period) {
        try {
            executor.scheduleWithFixedDelay(() -> runLogged(task), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.fine("Scheduler stopped; not starting a periodic task");
        }
    }

    private void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            failures.log("Hauyna background task failed", e);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
