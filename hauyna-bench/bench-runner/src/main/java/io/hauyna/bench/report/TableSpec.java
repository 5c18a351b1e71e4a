package io.hauyna.bench.report;

import java.util.List;

/**
 * How a scenario's results are shown: its title, the columns, and the figure Hauyna is compared on.
 *
 * @param ratioMetric  the figure of the ratio columns (baseline ÷ compared for a cost); {@code null} when no baseline applies
 * @param baselineMode the one mode every other mode is compared with (e.g. "1 node"), or {@code null}: then the
 *                     baselines are the modes that are not Hauyna's ({@link Sample#hauyna()}), and Hauyna's modes are compared
 */
public record TableSpec(String scenario, String title, List<Metric> columns, Metric ratioMetric, String baselineMode) {

    /** A table that compares Hauyna's modes with every hand-written baseline. */
    public TableSpec(String scenario, String title, List<Metric> columns, Metric ratioMetric) {
        this(scenario, title, columns, ratioMetric, null);
    }

    /** @return whether {@code mode} is a baseline that the table's other modes are compared with */
    boolean baseline(String mode) {
        return baselineMode == null ? !mode.startsWith("hauyna") : baselineMode.equals(mode);
    }
}
