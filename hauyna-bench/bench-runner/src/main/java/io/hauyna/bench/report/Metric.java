package io.hauyna.bench.report;

/**
 * A figure the benchmark reports.
 *
 * @param key           its column in the CSV
 * @param header        its column in the report's tables
 * @param lowerIsBetter for costs (CPU, memory, latency); ratios are then baseline ÷ Hauyna
 */
public record Metric(String key, String header, String format, boolean lowerIsBetter) {

    public static final Metric CPU_PER_DELIVERY = new Metric("cpu_us_per_delivery", "server CPU µs / delivery", "%.2f", true);
    public static final Metric DELIVERIES_PER_SECOND = new Metric("deliveries_per_s", "deliveries / s", "%,.0f", false);
    public static final Metric P50 = new Metric("p50_us", "p50 µs", "%,.0f", true);
    public static final Metric P99 = new Metric("p99_us", "p99 µs", "%,.0f", true);
    public static final Metric P999 = new Metric("p999_us", "p99.9 µs", "%,.0f", true);
    public static final Metric GC_MILLIS = new Metric("gc_ms", "GC ms", "%,.0f", true);
    public static final Metric HEAP_MB = new Metric("heap_mb", "heap after GC MB", "%,.1f", true);
    public static final Metric RSS_MB = new Metric("rss_mb", "RSS MB", "%,.0f", true);
    public static final Metric THREADS = new Metric("threads", "threads", "%,.0f", true);
    public static final Metric HEAP_PER_CONNECTION = new Metric("heap_bytes_per_connection", "heap B / connection", "%,.0f", true);
    public static final Metric RSS_PER_CONNECTION = new Metric("rss_bytes_per_connection", "RSS B / connection", "%,.0f", true);
    public static final Metric HEAP_ABOVE_RAW = new Metric("heap_bytes_above_raw", "heap B / connection above raw", "%,.0f", true);
    public static final Metric HEAP_PER_KEPT_MESSAGE = new Metric("heap_bytes_per_kept_message", "heap B / kept message", "%,.0f", true);
    public static final Metric KEPT_FRAME_BYTES = new Metric("kept_frame_bytes", "its frame, UTF-8 B", "%,.0f", true);
    public static final Metric HEAP_PER_SUBSCRIPTION = new Metric("heap_bytes_per_subscription", "heap B / extra subscription", "%,.0f", true);
    public static final Metric FRAMES_PER_SUBSCRIBER = new Metric("frames_per_subscriber", "presence frames / subscriber", "%,.1f", true);
    public static final Metric FRAMES_PER_JOIN = new Metric("frames_per_join_per_subscriber", "frames / join / subscriber", "%.4f", true);
    public static final Metric CONVERGENCE_MS = new Metric("full_list_ms", "ms until all have the full list", "%,.0f", true);
    public static final Metric CPU_MS = new Metric("cpu_ms", "server CPU ms", "%,.0f", true);
    public static final Metric CPU_MS_PER_SECOND = new Metric("cpu_ms_per_s", "server CPU ms / s", "%,.1f", true);
    public static final Metric SLOW_CLOSED = new Metric("slow_closed", "slow readers closed by the server", "%,.0f", false);
    public static final Metric CLOSED_1013 = new Metric("slow_closed_1013", "… with a 1013 close frame", "%,.0f", false);
    public static final Metric CPU_PER_CYCLE = new Metric("cpu_us_per_cycle", "server CPU µs / cycle", "%,.0f", true);
    public static final Metric CYCLES_PER_SECOND = new Metric("cycles_per_s", "cycles / s", "%,.0f", false);
    public static final Metric HEAP_START_MB = new Metric("heap_start_mb", "heap after GC before MB", "%,.1f", true);
    public static final Metric HEAP_END_MB = new Metric("heap_end_mb", "heap after GC after MB", "%,.1f", true);
    public static final Metric CLOSE_ALL_MS = new Metric("close_all_ms", "ms from SIGTERM until every client had its close", "%,.0f", true);
    public static final Metric LOST = new Metric("lost_deliveries", "deliveries lost", "%,.0f", true);
    public static final Metric CLOSED_1001 = new Metric("closed_1001", "clients closed with 1001", "%,.0f", false);
    public static final Metric CLOSED_OTHERWISE = new Metric("closed_otherwise", "clients closed otherwise (other code, no close frame)", "%,.0f", true);
    public static final Metric LEFT_IN_REGISTRIES = new Metric("left_in_registries", "left in registries", "%,.0f", true);

    public String format(double value) {
        return String.format(java.util.Locale.ROOT, format, value);
    }
}
