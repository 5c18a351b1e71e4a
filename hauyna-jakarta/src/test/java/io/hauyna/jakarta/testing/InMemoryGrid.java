package io.hauyna.jakarta.testing;

import io.hauyna.jakarta.spi.Backplane;
import io.hauyna.jakarta.spi.BackplaneContext;
import io.hauyna.jakarta.spi.SharedHistory;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A backplane for one node whose "other nodes" are the test itself: frames it publishes go nowhere,
 * and its shared history is a map in this JVM that the test can change behind the node's back, as
 * another node or a failing grid would: a message appended elsewhere whose frame never arrives, a
 * message the grid no longer keeps, a grid that stops answering. For the ordering logic of one node;
 * several real nodes are {@code hauyna-hazelcast}'s tests.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class InMemoryGrid implements Backplane, SharedHistory {

    public static final String EPOCH = "grid-epoch";

    private final Map<String, List<Entry>> streams = new ConcurrentHashMap<>();
    private final List<CompletableFuture<Void>> held = new ArrayList<>();
    private volatile boolean hanging;

    @Override
    public void start(BackplaneContext context) {
    }

    @Override
    public void publish(byte[] frame) {
    }

    @Override
    public void stop() {
    }

    @Override
    public java.util.Optional<SharedHistory> sharedHistory() {
        return java.util.Optional.of(this);
    }

    @Override
    public synchronized CompletionStage<Appended> append(String channel, Retention retention, byte[] frame, long publishedAtMillis) {
        List<Entry> stream = streams.computeIfAbsent(channel, name -> new ArrayList<>());
        long offset = stream.isEmpty() ? 1 : stream.get(stream.size() - 1).offset() + 1;
        stream.add(new Entry(offset, publishedAtMillis, frame));
        return answer(new Appended(offset, EPOCH));
    }

    @Override
    public synchronized CompletionStage<Slice> read(String channel, Retention retention, long fromOffset, int max) {
        List<Entry> stream = streams.getOrDefault(channel, List.of());
        long top = stream.isEmpty() ? 0 : stream.get(stream.size() - 1).offset();
        List<Entry> kept = stream.stream().filter(entry -> entry.frame() != null && entry.offset() >= fromOffset).limit(max).toList();
        return answer(new Slice(EPOCH, top, kept));
    }

    /** Another node appended a message and died before sending it on: it is in the grid only. */
    public synchronized void appendElsewhere(String channel, String channelMessage) {
        append(channel, null, channelMessage.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis());
    }

    /** The grid no longer keeps the message at this offset (its offset stays taken). */
    public synchronized void forget(String channel, long offset) {
        List<Entry> stream = streams.get(channel);
        stream.replaceAll(entry -> entry.offset() == offset ? new Entry(offset, 0, null) : entry);
    }

    /** From now on the grid does its work but answers only after {@link #answerAgain()}, as a frozen member would. */
    public synchronized void hang() {
        hanging = true;
    }

    public synchronized void answerAgain() {
        hanging = false;
        held.forEach(answer -> answer.complete(null));
        held.clear();
    }

    private <T> CompletionStage<T> answer(T value) {
        if (!hanging) {
            return CompletableFuture.completedFuture(value);
        }
        CompletableFuture<Void> later = new CompletableFuture<>();
        held.add(later);
        return later.thenApplyAsync(ignored -> value);
    }
}
