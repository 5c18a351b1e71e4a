package io.hauyna.bench;

import java.util.List;

/**
 * How big each scenario is. {@link #full()} is the benchmark; {@link #smoke()} runs the same code
 * with small counts in seconds, so that {@code ./mvnw verify} keeps the harness from rotting.
 *
 * @param rounds                 interleaved rounds of every scenario (figures are min/median/max of them)
 * @param fanOutSizes            subscribers of the one channel in scenario 1
 * @param payloadBytes           payload sizes of scenario 1
 * @param deliveriesPerRun       deliveries one measured run aims at (at least 4 broadcasts: the window)
 * @param channels               channels of scenario 2, each with {@code perChannel} subscribers
 * @param pairs                  sender/receiver pairs of scenario 3
 * @param presenceClients        clients joining one presence channel within a second (scenario 4)
 * @param idleConnections        idle connections of scenarios 5 and 7
 * @param slowSubscribers        subscribers of scenario 6, 1 % of which stop reading
 * @param slowMessages           64 KiB broadcasts of one run of scenario 6
 * @param heartbeatWindowSeconds length of one measured idle window of scenario 7
 * @param heartbeatOpeningSeconds how long scenario 7 takes to open its connections with the heartbeat:
 *                               one heartbeat interval spreads their pings evenly over time
 * @param churnCycles            connect/subscribe/message/close cycles of scenario 8, over all rounds
 * @param clusterSizes           subscribers of the one channel in scenario 9, spread over the nodes
 * @param clusterWarmUpSeconds   how long scenario 9 sends, unrecorded, after it starts a node:
 *                               a node just started runs its code interpreted until the JIT has compiled it
 * @param stopSubscribers        subscribers of scenario 10, closed by the server's stop
 */
public record Scale(int rounds, List<Integer> fanOutSizes, List<Integer> payloadBytes, int deliveriesPerRun,
                    int channels, int perChannel, int pairs, int presenceClients, int idleConnections,
                    int slowSubscribers, int slowMessages, int heartbeatWindowSeconds, int heartbeatOpeningSeconds,
                    int churnCycles, List<Integer> clusterSizes, int clusterWarmUpSeconds, int stopSubscribers) {

    public static Scale full() {
        return new Scale(5, List.of(1_000, 5_000, 10_000), List.of(100, 4096), 10_000,
                1_000, 10, 500, 1_000, 10_000, 500, 80, 6, 30, 100_000, List.of(600, 6_000), 60, 10_000);
    }

    public static Scale smoke() {
        return new Scale(2, List.of(20, 50), List.of(100, 4096), 400,
                10, 3, 10, 20, 100, 100, 80, 1, 0, 200, List.of(12, 30), 0, 50);
    }
}
