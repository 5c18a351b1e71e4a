package io.hauyna.jakarta.internal.channel;

import io.hauyna.jakarta.ErrorType;
import io.hauyna.jakarta.HauynaException;
import io.hauyna.jakarta.HistoryMessage;
import io.hauyna.jakarta.internal.HauynaScheduler;
import io.hauyna.jakarta.internal.ThrottledLog;
import io.hauyna.jakarta.internal.cluster.ClusterNode;
import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.internal.connection.LocalDelivery;
import io.hauyna.jakarta.internal.connection.Target;
import io.hauyna.jakarta.internal.protocol.Frames;
import io.hauyna.jakarta.spi.SharedHistory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cluster half of {@link ChannelHistories}: the grid ({@link SharedHistory}) numbers and keeps
 * every message of a history channel; this node sends its own on to the others with their position,
 * and delivers what arrives here in offset order.
 *
 * <ul>
 *   <li>A publish appends to the grid first (the client waits for it, at most {@link #WAIT}), then
 *       sends the numbered frame to the other nodes once, then delivers it here.</li>
 *   <li>Messages reach a node in any order across publishers: one that comes before its turn is
 *       held back; when the gap lasts {@link #HOLD}, the missing messages are read from the grid (a
 *       node that died between appending and sending leaves such a gap). What the grid no longer
 *       has is skipped, and subscribers see the gap in the offsets.</li>
 *   <li>A node's stream of a channel loads the grid's epoch and messages when it is made, so that
 *       resuming is answered from this node's copy, under the stream's monitor, exactly as on a
 *       single node.</li>
 * </ul>
 */
final class GridStreams {

    /** How long a client's publish or subscribe waits for the grid before it is answered {@code unavailable}. */
    static final Duration WAIT = Duration.ofSeconds(5);
    /** How long a message waits for those before it before they are read from the grid. */
    static final Duration HOLD = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(GridStreams.class.getName());

    private final SharedHistory grid;
    private final Map<String, ChannelStream> streams;
    private final Function<String, ChannelStream> open;
    private final ClusterNode cluster;
    private final LocalDelivery delivery;
    private final HauynaScheduler scheduler;
    private final ThrottledLog problems = new ThrottledLog(LOG);

    /**
     * @param streams the histories' streams by channel, shared with {@link ChannelHistories}
     * @param open    finds or makes (and starts loading) a channel's stream
     */
    GridStreams(SharedHistory grid, Map<String, ChannelStream> streams, Function<String, ChannelStream> open, ClusterNode cluster,
                LocalDelivery delivery, HauynaScheduler scheduler) {
        this.grid = grid;
        this.streams = streams;
        this.open = open;
        this.cluster = cluster;
        this.delivery = delivery;
        this.scheduler = scheduler;
    }

    /**
     * Appends to the grid, sends the numbered message to the other nodes, and delivers it here in
     * its turn. When the grid answers only after {@link #WAIT}, the client has been told
     * {@code unavailable}, and the message still goes out in its turn: the others would otherwise
     * find it in the grid as a gap.
     */
    ChannelHistories.Published publish(Target.Channel target, String channelMessage, SharedHistory.Retention retention) {
        byte[] utf8 = channelMessage.getBytes(StandardCharsets.UTF_8);
        CompletableFuture<SharedHistory.Appended> appending = call(() -> grid.append(target.name(), retention, utf8, System.currentTimeMillis()));
        SharedHistory.Appended appended;
        try {
            appended = await("publish to " + target.name(), () -> appending);
        } catch (HauynaException unavailable) {
            appending.thenAccept(late -> send(target, channelMessage, late));
            throw unavailable;
        }
        return send(target, channelMessage, appended);
    }

    private ChannelHistories.Published send(Target.Channel target, String channelMessage, SharedHistory.Appended appended) {
        EncodedMessage frame = EncodedMessage.of(Frames.withPosition(channelMessage, appended.offset(), appended.epoch()));
        cluster.publishPositioned(target.name(), appended.offset(), appended.epoch(), frame);
        int accepted = arrived(target, appended.offset(), appended.epoch(), frame);
        return new ChannelHistories.Published(appended.offset(), appended.epoch(), accepted);
    }

    /**
     * A numbered message, published here or by another node: delivered to this node's subscribers
     * when its turn comes. Without a stream here nobody here subscribed within the ttl: nothing to do.
     *
     * @return how many of this node's connections accepted it now (0 while it is held back)
     */
    int arrived(Target.Channel target, long offset, String epoch, EncodedMessage frame) {
        HeldBack.Arrival arrival = new HeldBack.Arrival(target, frame, epoch, System.nanoTime());
        while (true) {
            ChannelStream stream = streams.get(target.name());
            if (stream == null) {
                return 0;
            }
            synchronized (stream) {
                if (streams.get(target.name()) != stream) {
                    continue;
                }
                if (stream.loaded().isDone() && !epoch.equals(stream.epoch())) {
                    // The grid made the channel's stream anew (it lost the old one): load it again, holding this back.
                    String before = stream.epoch();
                    problems.log(Level.WARNING, "epoch", () -> "Hauyna history: " + target.name() + " has a new epoch in the grid ("
                            + before + " before, " + epoch + " now: the grid lost its messages); its subscribers here continue in the new one");
                    streams.remove(target.name(), stream);
                    stream.release();
                    open.apply(target.name());
                    continue;
                }
                return arrive(target.name(), stream, offset, arrival);
            }
        }
    }

    /** Under the stream's monitor. */
    private int arrive(String channel, ChannelStream stream, long offset, HeldBack.Arrival arrival) {
        if (stream.loaded().isDone() && offset <= stream.top()) {
            return 0;
        }
        stream.heldBack().hold(offset, arrival);
        return stream.loaded().isDone() ? deliverReady(channel, stream, offset) : 0;
    }

    /**
     * Under the stream's monitor: delivers the held-back messages that are next, in order. When
     * more are held back than the channel keeps, the missing ones cannot come back: skipped.
     *
     * @return how many connections accepted the message at {@code offset}, if it went now
     */
    private int deliverReady(String channel, ChannelStream stream, long offset) {
        int accepted = 0;
        HeldBack heldBack = stream.heldBack();
        while (true) {
            for (Map.Entry<Long, HeldBack.Arrival> next : heldBack.takeReady(stream.top())) {
                HeldBack.Arrival arrival = next.getValue();
                stream.keep(next.getKey(), arrival.frame(), arrival.atNanos());
                int sent = delivery.deliver(arrival.target(), arrival.frame());
                accepted = next.getKey() == offset ? sent : accepted;
            }
            if (heldBack.size() <= stream.retention().size()) {
                break;
            }
            stream.restart(stream.epoch(), heldBack.first() - 1);
        }
        if (!heldBack.isEmpty()) {
            fillLater(channel, stream);
        }
        return accepted;
    }

    /** Under the stream's monitor: reads the gap before the first held-back message from the grid, unless a read is on its way. */
    private void fillLater(String channel, ChannelStream stream) {
        if (stream.heldBack().startFilling()) {
            scheduler.schedule(() -> fill(channel, stream), HOLD);
        }
    }

    private void fill(String channel, ChannelStream stream) {
        long from;
        int count;
        synchronized (stream) {
            if (streams.get(channel) != stream || stream.heldBack().isEmpty()) {
                stream.heldBack().filled();
                return;
            }
            from = stream.top() + 1;
            count = (int) Math.min(stream.heldBack().first() - from, stream.retention().size());
        }
        call(() -> grid.read(channel, stream.retention(), from, count)).whenComplete((slice, failure) -> {
            synchronized (stream) {
                stream.heldBack().filled();
                if (streams.get(channel) != stream) {
                    return;
                }
                if (failure != null) {
                    problems.log(Level.WARNING, "fill", () -> "Hauyna history: could not read missing messages of " + channel
                            + " from the grid; retrying: " + failure);
                } else if (slice.epoch().equals(stream.epoch())) {
                    arriveAll(channel, stream, slice);
                    long asked = from + count - 1;
                    if (stream.top() < asked && !stream.heldBack().isEmpty()) {
                        // Asked for, and not there: the grid no longer keeps them. Go on without them (a gap
                        // that opened meanwhile, beyond what was asked, waits for its own read).
                        stream.restart(stream.epoch(), Math.min(stream.heldBack().first() - 1, asked));
                        deliverReady(channel, stream, 0);
                    }
                }
                if (!stream.heldBack().isEmpty()) {
                    fillLater(channel, stream);
                }
            }
        });
    }

    /**
     * Starts loading a stream just made: the grid's epoch, top and kept messages. Until then,
     * arrivals are held back and subscribers wait ({@link #awaitLoaded}).
     */
    void load(String channel, ChannelStream stream) {
        SharedHistory.Retention retention = stream.retention();
        call(() -> grid.read(channel, retention, 1, retention.size())).whenComplete((slice, failure) -> {
            if (failure != null) {
                synchronized (stream) {
                    streams.remove(channel, stream);
                    stream.release();
                }
                stream.loaded().completeExceptionally(failure);
                return;
            }
            synchronized (stream) {
                long first = slice.entries().isEmpty() ? slice.top() + 1 : slice.entries().get(0).offset();
                stream.restart(slice.epoch(), first - 1);
                // Kept, not delivered: nobody here had subscribed to this stream (a reload's subscribers see the new epoch live).
                slice.entries().forEach(entry -> {
                    HeldBack.Arrival loaded = arrivalOf(channel, entry, slice.epoch());
                    stream.keep(entry.offset(), loaded.frame(), loaded.atNanos());
                });
                stream.heldBack().keepOnly(slice.epoch());
                stream.loaded().complete(stream);
                deliverReady(channel, stream, 0);
            }
        });
    }

    /** Waits until a stream is loaded; {@code unavailable} when the grid does not answer within {@link #WAIT}. */
    void awaitLoaded(String channel, ChannelStream stream) {
        await("subscribe to " + channel, stream::loaded);
    }

    /**
     * A client resumes from an offset this node has not delivered yet (its last node had, or the
     * message is on its way here): reads what is missing from the grid first, so that the replay
     * starts right after the client's offset.
     */
    void catchUp(String channel, ChannelStream stream, long offset) {
        long from;
        synchronized (stream) {
            from = stream.top() + 1;
        }
        if (offset < from) {
            return;
        }
        SharedHistory.Slice slice = await("subscribe to " + channel, () -> grid.read(channel, stream.retention(), from,
                stream.retention().size()));
        synchronized (stream) {
            if (streams.get(channel) == stream && slice.epoch().equals(stream.epoch())) {
                arriveAll(channel, stream, slice);
            }
        }
    }

    /** @return the newest {@code limit} messages the grid keeps for the channel, oldest first */
    List<HistoryMessage> history(String channel, SharedHistory.Retention retention, int limit) {
        SharedHistory.Slice slice = await("history of " + channel, () -> grid.read(channel, retention, 1, retention.size()));
        List<SharedHistory.Entry> entries = slice.entries();
        return entries.subList(Math.max(0, entries.size() - limit), entries.size()).stream()
                .map(entry -> ChannelHistories.messageOf(arrivalOf(channel, entry, slice.epoch()).frame().text())).toList();
    }

    /** @return the call's stage; failed when the call itself throws (the grid has stopped) */
    private static <T> CompletableFuture<T> call(Supplier<CompletionStage<T>> call) {
        try {
            return call.get().toCompletableFuture();
        } catch (RuntimeException gridGone) {
            return CompletableFuture.failedFuture(gridGone);
        }
    }

    /** Under the stream's monitor: messages read from the grid, each in its turn like any arrival. */
    private void arriveAll(String channel, ChannelStream stream, SharedHistory.Slice slice) {
        slice.entries().forEach(entry -> arrive(channel, stream, entry.offset(), arrivalOf(channel, entry, slice.epoch())));
    }

    /** A message read from the grid, as it is delivered: with its position, to every subscriber here. */
    private static HeldBack.Arrival arrivalOf(String channel, SharedHistory.Entry entry, String epoch) {
        String frame = Frames.withPosition(new String(entry.frame(), StandardCharsets.UTF_8), entry.offset(), epoch);
        long ageNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, System.currentTimeMillis() - entry.publishedAtMillis()));
        return new HeldBack.Arrival(new Target.Channel(channel, null), EncodedMessage.of(frame), epoch, System.nanoTime() - ageNanos);
    }

    /** Waits for the grid on the caller's (a client's) thread, at most {@link #WAIT}. */
    private <T> T await(String what, Supplier<CompletionStage<T>> call) {
        Throwable failure;
        try {
            return call(call).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure = interrupted;
        } catch (ExecutionException failed) {
            failure = failed.getCause();
        } catch (TimeoutException late) {
            failure = late;
        }
        Throwable cause = failure;
        problems.log(Level.WARNING, "unavailable", () -> "Hauyna history: the grid did not answer a " + what + " within "
                + WAIT.toSeconds() + " s; the client is told 'unavailable': " + cause);
        throw new HauynaException(ErrorType.UNAVAILABLE, "The channel's history in the cluster did not answer in time; "
                + "try again in a moment");
    }
}
