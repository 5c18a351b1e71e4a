package io.hauyna.bench.scenario;

import io.hauyna.bench.BenchContext;
import io.hauyna.bench.report.TableSpec;

/** One of the benchmark's scenarios: it opens its own connections, measures, records and closes them. */
public interface Scenario {

    /** @return the name used on the command line ({@code -Dbench.scenarios=}) and in the CSV */
    String id();

    TableSpec table();

    void run(BenchContext context);
}
