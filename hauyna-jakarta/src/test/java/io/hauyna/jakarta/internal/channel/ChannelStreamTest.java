package io.hauyna.jakarta.internal.channel;

import io.hauyna.jakarta.internal.connection.EncodedMessage;
import io.hauyna.jakarta.spi.SharedHistory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** What a stream keeps and what it can give back, within its size, age and byte budgets. */
class ChannelStreamTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private static ChannelStream stream(int size, long maxBytes, AtomicLong shared, long sharedMax) {
        return new ChannelStream("e1", new SharedHistory.Retention(size, Duration.ofSeconds(10)), maxBytes, shared, sharedMax, 0);
    }

    private static void publish(ChannelStream stream, int count, int bytesEach, long atNanos) {
        for (int i = 0; i < count; i++) {
            stream.keep(EncodedMessage.of("x".repeat(bytesEach)), atNanos);
        }
    }

    @Test
    void beyondItsSizeTheOldestGoAndResumingBeforeThemIsTooOld() {
        ChannelStream stream = stream(3, 1000, new AtomicLong(), 1000);
        publish(stream, 5, 10, 0);
        assertThat(stream.recover(stream.epoch(), 2, 0).missed()).hasSize(3);
        assertThat(stream.recover(stream.epoch(), 1, 0).reason()).isEqualTo("too_old");
        assertThat(stream.recover(stream.epoch(), 5, 0).missed()).as("up to date: nothing missed").isEmpty();
        assertThat(stream.recover(stream.epoch(), 6, 0).reason()).isEqualTo("offset_ahead");
        assertThat(stream.recover("another", 5, 0).reason()).isEqualTo("epoch_changed");
    }

    @Test
    void itKeepsNoMoreBytesThanItsOwnBudget() {
        ChannelStream stream = stream(100, 35, new AtomicLong(), 1000);
        publish(stream, 5, 10, 0);
        assertThat(stream.recover(stream.epoch(), 2, 0).missed()).as("three of 10 bytes fit in 35").hasSize(3);
        assertThat(stream.recover(stream.epoch(), 1, 0).reason()).isEqualTo("too_old");
    }

    @Test
    void streamsTogetherKeepNoMoreThanTheSharedBudgetAndGiveItBackWhenForgotten() {
        AtomicLong shared = new AtomicLong();
        ChannelStream full = stream(100, 1000, shared, 50);
        ChannelStream other = stream(100, 1000, shared, 50);
        publish(full, 5, 10, 0);
        assertThat(shared.get()).isEqualTo(50);
        publish(other, 1, 10, 0);
        assertThat(shared.get()).as("the other stream kept nothing").isEqualTo(50);
        assertThat(other.recover(other.epoch(), 0, 0).reason()).as("its message was numbered, not kept").isEqualTo("too_old");
        publish(other, 1, 10, 0);
        assertThat(other.recover(other.epoch(), 1, 0).reason()).isEqualTo("too_old");
        full.release();
        assertThat(shared.get()).isZero();
        publish(other, 1, 10, 0);
        assertThat(other.recover(other.epoch(), 2, 0).missed()).as("kept again once there is room").hasSize(1);
    }

    @Test
    void messagesOlderThanTheTtlAreNotReplayedAndAQuietStreamIsForgottenOnlyAfterTheTtl() {
        ChannelStream stream = stream(100, 1000, new AtomicLong(), 1000);
        publish(stream, 2, 10, 0);
        publish(stream, 1, 10, 5 * SECOND);
        assertThat(stream.recover(stream.epoch(), 0, 12 * SECOND).reason()).isEqualTo("too_old");
        assertThat(stream.recover(stream.epoch(), 2, 12 * SECOND).missed()).hasSize(1);
        assertThat(stream.isForgettable(12 * SECOND)).isFalse();
        stream.expire(16 * SECOND);
        assertThat(stream.isForgettable(16 * SECOND)).as("empty, and nothing happened for more than the ttl").isTrue();
        stream.touch(16 * SECOND);
        assertThat(stream.isForgettable(20 * SECOND)).as("someone was here within the ttl").isFalse();
    }

    @Test
    void anOffsetBeyondTheNextStartsWhatItKeepsAnewSoThatAResumeAcrossTheMissingOnesIsTooOld() {
        ChannelStream stream = stream(100, 1000, new AtomicLong(), 1000);
        publish(stream, 3, 10, 0);
        stream.keep(7, EncodedMessage.of("seven"), 0);
        assertThat(stream.top()).isEqualTo(7);
        assertThat(stream.recover(stream.epoch(), 2, 0).reason()).as("4 to 6 never came here").isEqualTo("too_old");
        assertThat(stream.recover(stream.epoch(), 6, 0).missed()).extracting(EncodedMessage::text).containsExactly("seven");
    }

    @Test
    void aStreamLoadedFromTheGridStartsAtTheGridsPositionWithItsEpoch() {
        ChannelStream stream = stream(100, 1000, new AtomicLong(), 1000);
        stream.restart("grid-epoch", 41);
        stream.keep(42, EncodedMessage.of("a"), 0);
        assertThat(stream.recover("grid-epoch", 41, 0).missed()).extracting(EncodedMessage::text).containsExactly("a");
        assertThat(stream.recover("grid-epoch", 40, 0).reason()).isEqualTo("too_old");
        assertThat(stream.recover("e1", 42, 0).reason()).isEqualTo("epoch_changed");
    }

    @Test
    void aStreamThatKeepsReceivingButHasNoSubscriberForTheTtlIsUnsubscribed() {
        ChannelStream stream = stream(100, 1000, new AtomicLong(), 1000);
        publish(stream, 1, 10, 9 * SECOND);
        assertThat(stream.isForgettable(12 * SECOND)).as("it keeps a message").isFalse();
        assertThat(stream.isUnsubscribed(12 * SECOND)).as("created at 0, ttl 10 s").isTrue();
        stream.touch(12 * SECOND);
        assertThat(stream.isUnsubscribed(20 * SECOND)).isFalse();
    }
}
