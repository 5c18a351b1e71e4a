package io.hauyna.bench.report;

/**
 * One figure of one round: the unit of the CSV.
 *
 * @param variant what differs within a scenario, e.g. "5,000 subscribers · 100 B"
 * @param mode    {@code hauyna…} for Hauyna, anything else for a baseline
 */
public record Sample(String server, String scenario, String variant, String mode, int round, String metric, double value) {

    public boolean hauyna() {
        return mode.startsWith("hauyna");
    }
}
