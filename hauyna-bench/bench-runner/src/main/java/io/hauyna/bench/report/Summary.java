package io.hauyna.bench.report;

import java.util.Arrays;
import java.util.List;

/** Minimum, median and maximum of one figure over the rounds. */
record Summary(double min, double median, double max, int rounds) {

    static Summary of(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Summary(sorted[0], median, sorted[n - 1], n);
    }

    static double median(double... values) {
        return of(Arrays.stream(values).boxed().toList()).median();
    }

    String format(Metric metric) {
        if (rounds == 1 || min == max) {
            return metric.format(median);
        }
        return metric.format(median) + " (" + metric.format(min) + "–" + metric.format(max) + ")";
    }
}
