package io.hauyna.bench;

import io.hauyna.bench.report.Results;
import io.hauyna.bench.report.Sample;
import io.hauyna.bench.scenario.Churn;
import io.hauyna.bench.scenario.ClusterFanOut;
import io.hauyna.bench.scenario.DirectMessages;
import io.hauyna.bench.scenario.FanOut;
import io.hauyna.bench.scenario.Heartbeat;
import io.hauyna.bench.scenario.HistoryMemory;
import io.hauyna.bench.scenario.IdleMemory;
import io.hauyna.bench.scenario.ManyChannels;
import io.hauyna.bench.scenario.PresenceBurst;
import io.hauyna.bench.scenario.ServerStop;
import io.hauyna.bench.scenario.SlowConsumers;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario with small counts, on the server the build selected (Payara Micro by default), so
 * that the harness cannot rot, and scenario 9 on one to three nodes of that server. It asserts what is
 * exact — every message delivered once, every registry empty after churn — and that each scenario
 * measured something; never a timing.
 */
class BenchSmokeIT {

    @Test
    void everyScenarioDeliversExactlyOnceAndReports() throws Exception {
        Path out = Path.of(System.getProperty("bench.out"));
        Results results = BenchMain.run(Scale.smoke(), Path.of(System.getProperty("bench.war")), out, "all");

        assertThat(results.failures()).isEmpty();
        Set<String> measured = results.samples().stream().map(Sample::scenario).collect(Collectors.toSet());
        assertThat(measured).containsExactlyInAnyOrder(FanOut.ID, ManyChannels.ID, DirectMessages.ID, PresenceBurst.ID,
                IdleMemory.ID, SlowConsumers.ID, Heartbeat.ID, Churn.ID, HistoryMemory.ID, ClusterFanOut.ID, ServerStop.ID);
        assertThat(results.samples()).filteredOn(s -> s.scenario().equals(FanOut.ID)).extracting(Sample::mode).contains("hauyna-protocol-history");
        assertThat(results.samples()).filteredOn(s -> s.scenario().equals(HistoryMemory.ID) && s.metric().equals("heap_bytes_per_kept_message"))
                .isNotEmpty();
        assertThat(results.samples()).filteredOn(s -> s.scenario().equals(ClusterFanOut.ID)).extracting(Sample::mode)
                .containsOnly("1 node", "2 nodes", "3 nodes");
        assertThat(results.samples()).filteredOn(s -> s.scenario().equals(Churn.ID) && s.metric().equals("left_in_registries"))
                .extracting(Sample::value).containsOnly(0.0);
        assertThat(out.resolve("results.csv")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("results.md"))).contains("## 1. Fan-out", "## 8. Churn", "## 9. Fan-out across a cluster", "## 10. Server stop", "## 11. History memory");
        assertThat(out.resolve("fan-out-cpu-100b.png")).isNotEmptyFile();
    }
}
