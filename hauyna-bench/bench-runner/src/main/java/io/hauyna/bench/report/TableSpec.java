package io.hauyna.bench.report;

import java.util.List;

/**
 * How a scenario's results are shown: its title, the columns, and the figure Hauyna is compared on.
 *
 * @param ratioMetric the figure of the ratio columns (baseline ÷ Hauyna for a cost); {@code null} when no baseline applies
 */
public record TableSpec(String scenario, String title, List<Metric> columns, Metric ratioMetric) {
}
