package io.hauyna.jakarta.internal;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where Hauyna's background work runs (closing a slow client, heartbeat and presence sweeps,
 * presence diff flushes, metrics catch-up): the container's default
 * {@code ManagedScheduledExecutorService} where there is one, so that the work runs on threads
 * the container manages, with the application's context; otherwise one thread of Hauyna's own
 * for the whole application (Weld SE, a server without Jakarta Concurrency). Which one is chosen
 * when the application starts, and logged.
 *
 * <p>A container's executor is shared and may not be shut down by an application, so every
 * delayed or periodic task is kept and cancelled when the application stops. A task the container
 * refuses to take (some servers refuse submissions from threads that run no application code)
 * runs on Hauyna's own thread instead, and the first such refusal is logged.
 */
@ApplicationScoped
public class HauynaScheduler {

    private static final Logger LOG = Logger.getLogger(HauynaScheduler.class.getName());

    private static final Duration TICK = Duration.ofSeconds(1);
    /** Far longer than any task should take: closes and sweeps take milliseconds. */
    private static final Duration STUCK = Duration.ofSeconds(10);

    /** What {@link #executorName()} says for each choice. */
    public static final String CONTAINER = "container";
    public static final String OWN_THREAD = "hauyna-scheduler";

    @Inject
    FailureLog failures;

    private final AtomicBoolean ticking = new AtomicBoolean();
    private volatile long lastTick;

    /** Written once, before {@link #chosen}; null when there is none. */
    private ScheduledExecutorService container;
    private volatile boolean chosen;
    /** Created when first needed. Guarded by {@code this}. */
    private ScheduledExecutorService own;
    private final AtomicBoolean refusalLogged = new AtomicBoolean();
    /** Delayed and periodic tasks on the container's executor, to cancel at the end. */
    private final Set<Future<?>> onContainer = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /**
     * Chooses the executor now, on the calling thread (which must be one of the application's, for
     * the lookup), and logs the choice; later calls do nothing. Tasks submitted before it choose
     * on their own thread.
     */
    public void choose() {
        containerExecutor();
    }

    /** @return {@value #CONTAINER} or {@value #OWN_THREAD}: where background work runs */
    public String executorName() {
        return containerExecutor() != null ? CONTAINER : OWN_THREAD;
    }

    private ScheduledExecutorService containerExecutor() {
        if (!chosen) {
            chooseOnce();
        }
        return container;
    }

    private synchronized void chooseOnce() {
        if (chosen) {
            return;
        }
        container = ContainerExecutor.lookUp().orElse(null);
        chosen = true;
        if (container != null) {
            LOG.info("Hauyna: background work runs on the container's ManagedScheduledExecutorService (" + ContainerExecutor.DEFAULT + ")");
        } else {
            LOG.info("Hauyna: no ManagedScheduledExecutorService at " + ContainerExecutor.DEFAULT
                    + "; background work runs on Hauyna's own thread '" + OWN_THREAD + "'");
        }
    }

    private synchronized ScheduledExecutorService ownExecutor() {
        if (own == null) {
            own = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, OWN_THREAD);
                thread.setDaemon(true);
                return thread;
            });
            if (stopped) {
                own.shutdownNow();
            }
        }
        return own;
    }

    /** Runs a task soon in the background; on the caller's thread if the application is stopping. */
    public void execute(Runnable task) {
        Future<?> submitted = submit(executor -> executor.submit(() -> runLogged(task)), false);
        if (submitted == null) {
            runLogged(task);
        }
    }

    /** Runs a task once after a delay; dropped if the application stops first. */
    public void schedule(Runnable task, Duration delay) {
        if (submit(executor -> executor.schedule(() -> runLogged(task), delay.toMillis(), TimeUnit.MILLISECONDS), true) == null) {
            LOG.fine("Scheduler stopped; dropping a delayed task");
        }
    }

    /**
     * Runs a task every {@code period} until the application stops or the task is cancelled; one
     * run never overlaps the next.
     *
     * @return what cancels it; already done when the application is stopping
     */
    public Future<?> scheduleRepeatedly(Runnable task, Duration period) {
        Future<?> future = submit(executor -> executor.scheduleWithFixedDelay(() -> runLogged(task), period.toMillis(),
                period.toMillis(), TimeUnit.MILLISECONDS), true);
        if (future == null) {
            LOG.fine("Scheduler stopped; not starting a periodic task");
            return CompletableFuture.completedFuture(null);
        }
        return future;
    }

    /** @return the future, or null when the application is stopping */
    private Future<?> submit(Function<ScheduledExecutorService, Future<?>> submission, boolean keep) {
        if (stopped) {
            return null;
        }
        ScheduledExecutorService executor = containerExecutor();
        if (executor != null) {
            try {
                Future<?> future = submission.apply(executor);
                if (keep) {
                    onContainer.add(future);
                    // stop() may have cancelled the others between the check above and the add
                    if (stopped && onContainer.remove(future)) {
                        future.cancel(false);
                        return null;
                    }
                }
                return future;
            } catch (RejectedExecutionException | IllegalStateException refused) {
                if (stopped) {
                    return null;
                }
                if (refusalLogged.compareAndSet(false, true)) {
                    LOG.log(Level.WARNING, "Hauyna: the container's executor refused a task from thread '" + Thread.currentThread().getName()
                            + "'; such tasks run on Hauyna's own thread (logged once)", refused);
                }
            }
        }
        try {
            return submission.apply(ownExecutor());
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }

    /**
     * Starts a tick every second (once; later calls do nothing), so that {@link #isResponsive()}
     * can tell a working scheduler from one stuck in a task. The tick also forgets finished tasks.
     */
    public void startTicking() {
        if (ticking.compareAndSet(false, true)) {
            lastTick = System.nanoTime();
            scheduleRepeatedly(() -> {
                lastTick = System.nanoTime();
                onContainer.removeIf(Future::isDone);
            }, TICK);
        }
    }

    /** @return whether the tick ran within the last {@link #STUCK} (always before ticking starts) */
    public boolean isResponsive() {
        return !ticking.get() || System.nanoTime() - lastTick < STUCK.toNanos();
    }

    private void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            failures.log("Hauyna background task failed", e);
        }
    }

    /** Cancels every task not yet run: the container's executor outlives the application, Hauyna's own thread does not. */
    @PreDestroy
    synchronized void stop() {
        stopped = true;
        onContainer.forEach(future -> future.cancel(false));
        onContainer.clear();
        if (own != null) {
            own.shutdownNow();
        }
    }
}
