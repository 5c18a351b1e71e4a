package io.hauyna.jakarta.hazelcast;

import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.partition.PartitionAwareKey;
import com.hazelcast.ringbuffer.OverflowPolicy;
import com.hazelcast.ringbuffer.ReadResultSet;
import com.hazelcast.ringbuffer.Ringbuffer;
import io.hauyna.jakarta.spi.SharedHistory;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Histories in the grid: one {@link Ringbuffer} of {@code byte[]} per history channel (capacity:
 * the retention's size, its ttl, one backup), whose sequence gives the offsets, and the channel's
 * epoch in an {@link IMap} entry in the same partition, so that both are lost together or not at all.
 *
 * <p>The epoch is read with every append and read, never cached: a node cannot miss that another
 * made it anew. It is made when the first node asks for it, and forgotten once nobody appended or
 * read the channel for its ttl (then its messages have expired too, and its ring is destroyed).
 */
final class HazelcastHistory implements SharedHistory {

    /** Hazelcast reads at most this many items per call. */
    private static final int MAX_READ = 1000;
    /** The few calls Hazelcast only offers blocking (making an epoch, adding a ring's configuration). */
    private static final int BLOCKING_THREADS = 2;
    private static final int BLOCKING_QUEUE = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<SharedHistory.Retention, CompletableFuture<Void>> configured = new ConcurrentHashMap<>();
    private volatile HazelcastInstance grid;
    private volatile String prefix;
    private volatile IMap<PartitionAwareKey<String, String>, String> epochs;
    private volatile ExecutorService blocking;
    private UUID expiries;

    /** Starts using the grid for the application's histories. */
    void start(HazelcastInstance grid, String application) {
        this.grid = grid;
        this.prefix = "hauyna:" + application + ":h:";
        this.epochs = grid.getMap(prefix + "epochs");
        this.blocking = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(BLOCKING_QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "hauyna-history-grid");
            thread.setDaemon(true);
            return thread;
        });
        // An epoch that expired had nobody use its channel for the ttl: its messages expired too, and the ring goes.
        expiries = epochs.addEntryListener((EntryExpiredListener<PartitionAwareKey<String, String>, String>) event ->
                blocking.execute(() -> grid.getRingbuffer(ringOf(event.getKey())).destroy()), false);
    }

    void stop() {
        ExecutorService running = blocking;
        if (running != null) {
            running.shutdownNow();
            try {
                if (grid.getLifecycleService().isRunning()) {
                    epochs.removeEntryListener(expiries);
                }
            } catch (RuntimeException gridGone) {
                // The grid is stopping with the application: nothing to remove.
            }
        }
    }

    @Override
    public CompletionStage<Appended> append(String channel, Retention retention, byte[] frame, long publishedAtMillis) {
        Stream stream = stream(channel, retention);
        byte[] item = ByteBuffer.allocate(Long.BYTES + frame.length).putLong(publishedAtMillis).put(frame).array();
        return configured(retention)
                .thenCompose(ready -> plain(stream.ring().addAsync(item, OverflowPolicy.OVERWRITE)))
                .thenCombine(epoch(stream, retention), (sequence, epoch) -> new Appended(sequence + 1, epoch));
    }

    @Override
    public CompletionStage<Slice> read(String channel, Retention retention, long fromOffset, int max) {
        Stream stream = stream(channel, retention);
        return configured(retention).thenCompose(ready -> epoch(stream, retention))
                .thenCompose(epoch -> readFrom(stream.ring(), Math.max(0, fromOffset - 1), Math.min(max, retention.size()), new ArrayList<>())
                        .thenApply(read -> new Slice(epoch, read.top(), read.entries())));
    }

    /** What one read found: the entries, and the last offset written as far as it saw. */
    private record Read(List<Entry> entries, long top) {
    }

    /** Reads in calls of at most {@link #MAX_READ}, until {@code max} entries (at most the ring's capacity) or the end of the ring. */
    private CompletionStage<Read> readFrom(Ringbuffer<byte[]> ring, long sequence, int max, List<Entry> entries) {
        int count = Math.min(MAX_READ, max - entries.size());
        return plain(ring.readManyAsync(sequence, 0, count, null)).thenCompose(result -> {
            collect(result, entries);
            long next = result.getNextSequenceToReadFrom();
            if (result.readCount() < count || entries.size() >= max) {
                // Fewer than asked: the end. Otherwise the top is at least the last entry read.
                return CompletableFuture.completedFuture(new Read(entries, next));
            }
            return readFrom(ring, next, max, entries);
        });
    }

    private static void collect(ReadResultSet<byte[]> result, List<Entry> entries) {
        for (int i = 0; i < result.size(); i++) {
            ByteBuffer item = ByteBuffer.wrap(result.get(i));
            long publishedAt = item.getLong();
            entries.add(new Entry(result.getSequence(i) + 1, publishedAt, Arrays.copyOfRange(item.array(), Long.BYTES, item.capacity())));
        }
    }

    /** The channel's epoch; a new one when it has none (the first use, or its partition was lost). */
    private CompletionStage<String> epoch(Stream stream, Retention retention) {
        long idleSeconds = retention.ttl().toSeconds() + 60;
        return plain(epochs.getAsync(stream.key())).thenCompose(epoch -> epoch != null ? CompletableFuture.completedFuture(epoch)
                : CompletableFuture.supplyAsync(() -> {
                    String made = newEpoch();
                    String before = epochs.putIfAbsent(stream.key(), made, 0, TimeUnit.SECONDS, idleSeconds, TimeUnit.SECONDS);
                    return before == null ? made : before;
                }, blocking));
    }

    /**
     * Hazelcast's stages are {@link CompletableFuture}s that hold the raw response until their own
     * methods resolve it; the JDK's composition methods read the raw value (a ClassCastException
     * later). Only Hazelcast's {@code whenComplete} is used on them, into a plain future.
     */
    private static <T> CompletableFuture<T> plain(CompletionStage<T> hazelcasts) {
        CompletableFuture<T> plain = new CompletableFuture<>();
        hazelcasts.whenComplete((value, failure) -> {
            if (failure != null) {
                plain.completeExceptionally(failure);
            } else {
                plain.complete(value);
            }
        });
        return plain;
    }

    /** Every node must add the same ring configuration; Hazelcast refuses a different one for the same name. */
    private CompletableFuture<Void> configured(Retention retention) {
        CompletableFuture<Void> done = configured.computeIfAbsent(retention, key -> CompletableFuture.runAsync(() ->
                grid.getConfig().addRingBufferConfig(new RingbufferConfig(base(retention) + "*")
                        .setCapacity(retention.size()).setTimeToLiveSeconds((int) Math.min(Integer.MAX_VALUE, retention.ttl().toSeconds()))
                        .setBackupCount(1).setAsyncBackupCount(0)), blocking));
        if (done.isCompletedExceptionally()) {
            configured.remove(retention, done);
        }
        return done;
    }

    private String base(Retention retention) {
        return prefix + retention.size() + ":" + retention.ttl().toSeconds() + ":";
    }

    /** One channel's ring and epoch key, both placed by the same partition key. */
    private record Stream(Ringbuffer<byte[]> ring, PartitionAwareKey<String, String> key) {
    }

    private Stream stream(String channel, Retention retention) {
        // '@' separates a name from its partition key in Hazelcast names: it must not come from a channel.
        String escaped = channel.replace("%", "%25").replace("@", "%40");
        String ring = base(retention) + escaped;
        return new Stream(grid.getRingbuffer(ring + "@" + escaped), new PartitionAwareKey<>(ring, escaped));
    }

    private static String ringOf(PartitionAwareKey<String, String> key) {
        return key.getKey() + "@" + key.getPartitionKey();
    }

    /** Random, so that a stream made anew never shares the epoch of the one it replaces. */
    private static String newEpoch() {
        byte[] random = new byte[9];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
