package io.hauyna.jakarta.hazelcast;

import io.hauyna.jakarta.HauynaConfigKeys;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Histories are kept by one node alone in this version: a clustered application that asks for them
 * does not start, and says why, rather than hand out offsets that disagree between nodes. One real
 * embedded member, in this JVM: nothing crosses a network.
 */
class HistoryNeedsOneNodeTest {

    private static final Map<String, String> CONFIG = Map.of(
            HazelcastClusterKeys.MEMBERS, "127.0.0.1:15791",
            HazelcastClusterKeys.PORT, "15791",
            HauynaConfigKeys.HISTORY_CHANNELS, "room:");

    @AfterEach
    void clear() {
        CONFIG.keySet().forEach(System::clearProperty);
    }

    @Test
    void aClusteredApplicationWithHistoryChannelsDoesNotStart() {
        CONFIG.forEach(System::setProperty);
        assertThatThrownBy(() -> new Weld("history-clustered").initialize().shutdown())
                .hasStackTraceContaining("hauyna.history.channels keeps histories on a single node only in this version");
    }
}
