package io.hauyna.jakarta.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One line per kind per window, the rest counted and reported on the next line of that kind. */
class ThrottledLogTest {

    private final Logger logger = Logger.getLogger("hauyna.test.throttled." + System.nanoTime());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    ThrottledLogTest() {
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(capture);
    }

    @Test
    void aThousandRepeatsWithinTheWindowWriteOneLineWithTheStackTrace() {
        ThrottledLog log = new ThrottledLog(logger);
        RuntimeException failure = new IllegalStateException("boom");

        for (int i = 0; i < 1000; i++) {
            log.log(Level.WARNING, "kind", () -> "It failed", failure);
        }

        assertThat(records).hasSize(1);
        assertThat(records.get(0).getThrown()).isSameAs(failure);
        assertThat(records.get(0).getMessage()).isEqualTo("It failed");
    }

    @Test
    void theNextLineAfterTheWindowSaysHowManyWereHeldBack() {
        ThrottledLog log = new ThrottledLog(logger, Duration.ofMillis(100));
        for (int i = 0; i < 5; i++) {
            log.log(Level.WARNING, "kind", () -> "It failed");
        }

        await().pollDelay(Duration.ofMillis(150)).until(() -> true);
        log.log(Level.WARNING, "kind", () -> "It failed");

        assertThat(records).extracting(LogRecord::getMessage)
                .containsExactly("It failed", "It failed [4 more like this since the last report were not logged; at most one per 60 s]");
    }

    @Test
    void kindsAreThrottledSeparatelyAndTheirNumberIsBounded() {
        ThrottledLog log = new ThrottledLog(logger);

        for (int i = 0; i < ThrottledLog.MAX_KINDS * 4; i++) {
            String kind = "kind " + i;
            log.log(Level.WARNING, kind, () -> kind);
            log.log(Level.WARNING, kind, () -> kind);
        }

        assertThat(records).as("one line per kind up to the bound, then one for all the others").hasSize(ThrottledLog.MAX_KINDS + 1);
    }

    @Test
    void flushingReportsWhatWasHeldBack() {
        ThrottledLog log = new ThrottledLog(logger);
        log.log(Level.WARNING, "kind", () -> "It failed");
        log.log(Level.WARNING, "kind", () -> "It failed");
        log.log(Level.WARNING, "kind", () -> "It failed");

        log.flush(Level.WARNING);

        assertThat(records).extracting(LogRecord::getMessage).containsExactly("It failed",
                "Hauyna: 2 more log lines of kind 'kind' were not written (at most one per 60 s)");
    }

    @Test
    void nothingIsBuiltWhenTheLevelIsOff() {
        logger.setLevel(Level.SEVERE);
        ThrottledLog log = new ThrottledLog(logger);

        log.log(Level.WARNING, "kind", () -> {
            throw new AssertionError("the message must not be built");
        });

        assertThat(records).isEmpty();
    }

    @Test
    void theSameBugGivesTheSameCauseAndABrokenConnectionIsTheClients() {
        RuntimeException first = failAt();
        RuntimeException second = failAt();

        assertThat(FailureLog.causeOf(first)).isEqualTo(FailureLog.causeOf(second))
                .isNotEqualTo(FailureLog.causeOf(new IllegalStateException("elsewhere")));
        assertThat(FailureLog.isClientFault(new RuntimeException(new java.io.IOException("Connection reset by peer")))).isTrue();
        assertThat(FailureLog.isClientFault(first)).isFalse();
    }

    private static RuntimeException failAt() {
        try {
            Object nothing = null;
            nothing.hashCode();
            return null;
        } catch (NullPointerException e) {
            return new IllegalStateException("wrapped", e);
        }
    }
}
