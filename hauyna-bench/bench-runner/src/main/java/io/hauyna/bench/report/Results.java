package io.hauyna.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Everything a run measured, and every run that lost or duplicated a message (a failure, never a number). */
public final class Results {

    /** A round whose deliveries were not exact, or that could not run. */
    public record Failure(String server, String scenario, String variant, String mode, int round, String what) {
    }

    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());

    public void add(String server, String scenario, String variant, String mode, int round, Map<Metric, Double> values) {
        values.forEach((metric, value) -> samples.add(new Sample(server, scenario, variant, mode, round, metric.key(), value)));
    }

    public void fail(String server, String scenario, String variant, String mode, int round, String what) {
        failures.add(new Failure(server, scenario, variant, mode, round, what));
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    public List<Failure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }
}
