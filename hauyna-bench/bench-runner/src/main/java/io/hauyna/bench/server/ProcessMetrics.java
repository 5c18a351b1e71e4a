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
 * <p>CPU time is read two ways, because neither alone is right for every run. The sum of every live
 * thread's run time ({@code /proc/<pid>/task/<tid>/schedstat}) counts nanoseconds, but a thread
 * that ends takes its time with it (WildFly's pools start and stop threads). The process's own
 * total ({@code utime + stime} in {@code /proc/<pid>/stat}) keeps the time of ended threads and is
 * the same kernel figure, but in ticks of 10 ms, coarse for a run of a few hundred milliseconds.
 * {@link #cpuNanosSince} takes the fine figure unless the total shows time it lacks.
 *
 * @param threadCpuNanos  run time of the live threads since they started
 * @param processCpuNanos run time of the whole process since it started, in whole ticks
 * @param rssBytes        resident set size
 * @param threads         threads of the process
 */
public record ProcessMetrics(long threadCpuNanos, long processCpuNanos, long rssBytes, int threads) {

    /** {@code getconf CLK_TCK} on Linux for decades; {@code /proc} reports times in these ticks. */
    private static final long TICK_NANOS = 10_000_000;

    public static ProcessMetrics of(long pid) {
        Path process = Path.of("/proc", Long.toString(pid));
        try {
            long threadCpu = 0;
            int threads = 0;
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(process.resolve("task"))) {
                for (Path task : tasks) {
                    threadCpu += runTime(task);
                    threads++;
                }
            }
            return new ProcessMetrics(threadCpu, processTime(process), residentBytes(process), threads);
        } catch (IOException gone) {
            throw new UncheckedIOException("Cannot read " + process + ": has the server died?", gone);
        }
    }

    /**
     * @return the server's CPU time from {@code before} to this reading: the live threads' sum when
     *         it agrees with the process total to within the ticks' rounding, otherwise (a thread
     *         ended meanwhile) the process total
     */
    public long cpuNanosSince(ProcessMetrics before) {
        long threadsDelta = threadCpuNanos - before.threadCpuNanos;
        long processDelta = processCpuNanos - before.processCpuNanos;
        return processDelta - threadsDelta > 2 * TICK_NANOS ? processDelta : threadsDelta;
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

    /** @return {@code utime + stime} of the process (fields 14 and 15), in nanoseconds */
    private static long processTime(Path process) throws IOException {
        String stat = Files.readString(process.resolve("stat"));
        // the command name (field 2) may hold spaces: count fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
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
