package io.hauyna.jakarta.internal.connection;

import io.hauyna.jakarta.internal.metrics.HauynaMetrics;
import io.hauyna.jakarta.OverflowPolicy;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue's hand-over rules, one step at a time: what is handed to the container, when, and in
 * which order, and what a failed write does. The container is a recording writer here so that each completion happens exactly
 * when the test says; real sockets exercise the same queue in {@code FanOutTest},
 * {@code SlowConsumerTest} and the TCK's {@code ConnectionsIT} on every server.
 */
class OutboundQueueTest {

    /** Records what it is handed; completes each write when the test says so, or at once when told to. */
    private static final class RecordingWriter implements MessageWriter {
        final List<String> written = new ArrayList<>();
        final List<SendHandler> handlers = new ArrayList<>();
        boolean completeAtOnce;
        String refuse;

        @Override
        public void write(EncodedMessage message, SendHandler handler) {
            if (message.text().equals(refuse)) {
                throw new IllegalStateException("closed meanwhile");
            }
            written.add(message.text());
            if (completeAtOnce) {
                handler.onResult(new SendResult());
            } else {
                handlers.add(handler);
            }
        }

        void complete(int index) {
            handlers.get(index).onResult(new SendResult());
        }
    }

    private static OutboundQueue queue(RecordingWriter writer) {
        return new OutboundQueue("c1", writer, 1000, 1 << 20, OverflowPolicy.CLOSE, () -> { }, new HauynaMetrics());
    }

    private static void offer(OutboundQueue queue, String... texts) {
        for (String text : texts) {
            assertThat(queue.offer(EncodedMessage.of(text))).as(text).isTrue();
        }
    }

    @Test
    void oneWriteInFlightHandsOverTheNextOnlyWhenThePreviousCompletes() {
        RecordingWriter writer = new RecordingWriter();
        OutboundQueue queue = queue(writer);
        offer(queue, "a", "b", "c");
        assertThat(writer.written).containsExactly("a");
        assertThat(queue.size()).isEqualTo(2);
        writer.complete(0);
        assertThat(writer.written).containsExactly("a", "b");
        writer.complete(1);
        writer.complete(2);
        assertThat(writer.written).containsExactly("a", "b", "c");
        assertThat(queue.size()).isZero();
        assertThat(queue.bytes()).isZero();
    }

    @Test
    void writesThatCompleteOnTheCallersThreadDrainALongQueueWithoutRecursing() {
        RecordingWriter writer = new RecordingWriter();
        OutboundQueue queue = queue(writer);
        offer(queue, "first");
        List<String> rest = IntStream.range(0, 999).mapToObj(Integer::toString).toList();
        rest.forEach(text -> offer(queue, text));
        writer.completeAtOnce = true;
        writer.complete(0);
        assertThat(writer.written).hasSize(1000);
        assertThat(writer.written.subList(1, 1000)).containsExactlyElementsOf(rest);
    }

    @Test
    void aConnectionClosedMeanwhileClosesTheQueueAndRunsWhatWaitedForTheDrain() {
        RecordingWriter writer = new RecordingWriter();
        OutboundQueue queue = queue(writer);
        offer(queue, "a", "b", "c");
        writer.refuse = "b";
        AtomicBoolean drained = new AtomicBoolean();
        queue.afterDrain(() -> drained.set(true));

        writer.complete(0);
        assertThat(writer.written).as("nothing after the refused one is handed over").containsExactly("a");
        assertThat(drained).isTrue();
        assertThat(queue.size()).isZero();
        assertThat(queue.offer(EncodedMessage.of("d"))).as("closed after a failed write").isFalse();
    }

    @Test
    void aFailedWriteDiscardsTheQueue() {
        RecordingWriter writer = new RecordingWriter();
        OutboundQueue queue = queue(writer);
        offer(queue, "a", "b");
        writer.handlers.get(0).onResult(new SendResult(new IOException("reset")));
        assertThat(writer.written).containsExactly("a");
        assertThat(queue.size()).isZero();
        assertThat(queue.offer(EncodedMessage.of("c"))).isFalse();
    }
}
