package io.hauyna.bench.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fan-out charts: median server CPU per delivery and median p99 latency against the number of
 * subscribers, one line per server and mode, one chart per payload size. Drawn by JFreeChart.
 */
final class Charts {

    static final String FAN_OUT = "fan-out";
    private static final Pattern VARIANT = Pattern.compile("([\\d,]+) subscribers · (.+)");

    private final List<Sample> samples;

    Charts(List<Sample> samples) {
        this.samples = samples.stream().filter(s -> s.scenario().equals(FAN_OUT)).toList();
    }

    void write(Path directory) throws IOException {
        for (String payload : payloads()) {
            chart(payload, Metric.CPU_PER_DELIVERY, directory.resolve("fan-out-cpu-" + fileName(payload) + ".png"));
            chart(payload, Metric.P99, directory.resolve("fan-out-p99-" + fileName(payload) + ".png"));
        }
    }

    private List<String> payloads() {
        List<String> payloads = new ArrayList<>();
        for (Sample s : samples) {
            Matcher m = VARIANT.matcher(s.variant());
            if (m.matches() && !payloads.contains(m.group(2))) {
                payloads.add(m.group(2));
            }
        }
        return payloads;
    }

    private void chart(String payload, Metric metric, Path file) throws IOException {
        Map<String, Map<Integer, List<Double>>> lines = new LinkedHashMap<>();
        for (Sample s : samples) {
            Matcher m = VARIANT.matcher(s.variant());
            if (!m.matches() || !m.group(2).equals(payload) || !s.metric().equals(metric.key())) {
                continue;
            }
            int subscribers = Integer.parseInt(m.group(1).replace(",", ""));
            lines.computeIfAbsent(s.server() + " · " + s.mode(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(subscribers, k -> new ArrayList<>()).add(s.value());
        }
        if (lines.isEmpty()) {
            return;
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        lines.forEach((name, points) -> {
            XYSeries series = new XYSeries(name);
            points.forEach((x, values) -> series.add(x.doubleValue(), Summary.of(values).median()));
            dataset.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart("Fan-out, " + payload + ": " + metric.header() + " (median of rounds)",
                "subscribers", metric.header(), dataset, PlotOrientation.VERTICAL, true, false, false);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 600);
    }

    private static String fileName(String payload) {
        return payload.replaceAll("[^A-Za-z0-9]+", "").toLowerCase(java.util.Locale.ROOT);
    }
}
