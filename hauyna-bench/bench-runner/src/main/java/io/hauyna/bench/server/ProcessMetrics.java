package io.hauyna.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code /proc} says about the server's process: CPU time, resident memory and threads. Read
 * from outside, so that measuring costs the server nothing.
 *
 * <p>CPU time is the sum of every thread's run time from {@code /proc/<pid>/task/<tid>/schedstat},
 * in nanoseconds: {@code /proc/<pid>/stat} counts in ticks of 10 ms, too coarse for a run of a few
 * hundred milliseconds. A thread that ends during a run takes its time with it; server thread pools
 * are stable during a run (the thread counts are in the report).
 *
 * @param cpuNanos  CPU time of the live threads since they started
 * @param rssBytes  resident set size
 * @param threads   threads of the process
 */
public record ProcessMetrics(long cpuNanos, long rssBytes, int threads) {

    public static ProcessMetrics of(long pid) {
        Path process = Path.of("/proc", Long.toString(pid));
        try {
            long cpu = 0;
            int threads = 0;
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(process.resolve("task"))) {
                for (Path task : tasks) {
                    cpu += runTime(task);
                    threads++;
                }
            }
            return new ProcessMetrics(cpu, residentBytes(process), threads);
        } catch (IOException gone) {
            throw new UncheckedIOException("Cannot read " + process + ": has the server died?", gone);
        }
    }

    /** @return the thread's time on a CPU in nanoseconds, 0 if it ended while being read */
    private static long runTime(Path task) throws IOException {
        try {
            String schedstat = Files.readString(task.resolve("schedstat"));
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (NoSuchFileException ended) {
            return 0;
        }
    }

    private static long residentBytes(Path process) throws IOException {
        List<String> status = Files.readAllLines(process.resolve("status"));
        for (String line : status) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
