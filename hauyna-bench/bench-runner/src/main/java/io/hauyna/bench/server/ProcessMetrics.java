package io.hauyna.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code /proc} says about the server's process: CPU time (user + system, all threads), resident
 * memory and threads. Read from outside so that measuring costs the server nothing.
 *
 * @param cpuNanos  CPU time used since the process started
 * @param rssBytes  resident set size
 * @param threads   threads of the process
 */
public record ProcessMetrics(long cpuNanos, long rssBytes, int threads) {

    /** Linux reports CPU time in clock ticks of 1/100 s on every platform the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    public static ProcessMetrics of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which may itself contain spaces and parentheses.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            int threads = Integer.parseInt(fields[17]);
            return new ProcessMetrics(ticks * NANOS_PER_TICK, residentBytes(pid), threads);
        } catch (IOException gone) {
            throw new UncheckedIOException("Cannot read /proc/" + pid + ": has the server died?", gone);
        }
    }

    private static long residentBytes(long pid) throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        for (String line : status) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
