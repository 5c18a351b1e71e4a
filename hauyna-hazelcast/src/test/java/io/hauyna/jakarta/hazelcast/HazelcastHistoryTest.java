package io.hauyna.jakarta.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.hauyna.jakarta.spi.SharedHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid's side of histories on one real embedded member in this JVM (nothing crosses a network;
 * the several-node behaviour is {@link HistoryAcrossNodesTest}'s): offsets from the ring's sequence,
 * one epoch per channel, the retention's size, and channel names Hazelcast would misread.
 */
class HazelcastHistoryTest {

    private static final SharedHistory.Retention THREE = new SharedHistory.Retention(3, Duration.ofMinutes(5));
    private static HazelcastInstance member;
    private static HazelcastHistory history;

    @BeforeAll
    static void startMember() {
        Config config = new Config().setClusterName("history-test");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPort(15795).getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        member = Hazelcast.newHazelcastInstance(config);
        history = new HazelcastHistory();
        history.start(member, "test");
    }

    @AfterAll
    static void stopMember() {
        history.stop();
        member.shutdown();
    }

    private static SharedHistory.Appended append(String channel, String text) throws Exception {
        return history.append(channel, THREE, text.getBytes(StandardCharsets.UTF_8), 1000).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static SharedHistory.Slice read(String channel, long from) throws Exception {
        return history.read(channel, THREE, from, 10).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void offsetsCountFromOneInOneEpochAndTheRingKeepsTheRetentionsSize() throws Exception {
        SharedHistory.Appended first = append("room:a", "m1");
        for (int n = 2; n <= 5; n++) {
            SharedHistory.Appended next = append("room:a", "m" + n);
            assertThat(next.offset()).isEqualTo(n);
            assertThat(next.epoch()).isEqualTo(first.epoch());
        }
        assertThat(first.offset()).isEqualTo(1);

        SharedHistory.Slice all = read("room:a", 1);
        assertThat(all.epoch()).isEqualTo(first.epoch());
        assertThat(all.top()).isEqualTo(5);
        assertThat(all.entries()).as("three kept: the oldest are gone").extracting(SharedHistory.Entry::offset).containsExactly(3L, 4L, 5L);
        assertThat(new String(all.entries().get(0).frame(), StandardCharsets.UTF_8)).isEqualTo("m3");
        assertThat(all.entries().get(0).publishedAtMillis()).isEqualTo(1000);
        assertThat(read("room:a", 5).entries()).extracting(SharedHistory.Entry::offset).containsExactly(5L);
        assertThat(read("room:a", 6).entries()).as("nothing after the top").isEmpty();
        assertThat(member.getRingbuffer("hauyna:test:h:3:300:room:a@room:a").capacity()).isEqualTo(3);
    }

    @Test
    void aNewChannelHasAnEpochAndNothingYetAndEachChannelHasItsOwn() throws Exception {
        SharedHistory.Slice empty = read("room:new", 1);
        assertThat(empty.top()).isZero();
        assertThat(empty.entries()).isEmpty();
        SharedHistory.Appended first = append("room:new", "hello");
        assertThat(first.offset()).isEqualTo(1);
        assertThat(first.epoch()).as("the epoch made by the read").isEqualTo(empty.epoch());
        assertThat(append("room:other", "x").epoch()).isNotEqualTo(first.epoch());
    }

    @Test
    void namesWithTheCharactersHazelcastReadsAsPartitionKeysStayApart() throws Exception {
        assertThat(append("room:x@y", "a").offset()).isEqualTo(1);
        assertThat(append("room:x%40y", "b").offset()).as("not the escaped form of the other").isEqualTo(1);
        assertThat(append("room:x", "c").offset()).as("not the part before the @").isEqualTo(1);
        assertThat(append("room:x@y", "d").offset()).isEqualTo(2);
    }
}
