package org.terastal.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.terastal.io.InputException;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.results.MetricsCsv;
import org.terastal.io.results.SimOutputs;
import org.terastal.io.results.TraceFiles;
import org.terastal.sim.LatePolicy;

/**
 * The files of an experiment's output folder, read for the report: the tidy metrics (every metric in
 * {@value SimOutputs#METRICS}, or the shipped subset {@value #SHIPPED_METRICS}) and the index of the
 * traced runs. Values are averaged over seeds when asked for.
 */
public final class ResultsData {
    /** The smaller tidy file the repository ships instead of every metric. */
    public static final String SHIPPED_METRICS = "miss-rates.csv";
    /** Model column of the rows that hold an accelerator's figures. */
    static final String ACCELERATOR_PREFIX = MetricsCsv.ACCELERATOR_PREFIX;
    private static final String OVERALL = "overall";

    private final Path dir;
    private final Path metricsFile;
    private final Set<String> scenarios = new LinkedHashSet<>();
    private final Set<String> schedulers = new LinkedHashSet<>();
    private final Set<LatePolicy> lates = new LinkedHashSet<>();
    private final Set<Double> loads = new TreeSet<>();
    private final Map<String, Set<String>> models = new HashMap<>();
    private final Map<String, Set<String>> accelerators = new HashMap<>();
    /** Key of (scenario, scheduler, late, load, model, metric) to the sum and count over seeds. */
    private final Map<String, double[]> values = new HashMap<>();
    private final Path tracesIndex;
    private final List<TraceFiles.TracedRun> traced;
    /** Rows of the metrics file read so far. */
    private int rows;

    private ResultsData(Path dir, Path metricsFile, Path tracesIndex, List<TraceFiles.TracedRun> traced) {
        this.dir = dir;
        this.metricsFile = metricsFile;
        this.tracesIndex = tracesIndex;
        this.traced = List.copyOf(traced);
    }

    /** Reads a results folder; a missing or malformed file is an {@link InputException} naming file and line. */
    public static ResultsData read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "No such folder; give the output folder of terastal experiment");
        }
        Path metrics = dir.resolve(SimOutputs.METRICS);
        if (!Files.exists(metrics)) {
            metrics = dir.resolve(SHIPPED_METRICS);
        }
        if (!Files.exists(metrics)) {
            throw new InputException(dir.resolve(SimOutputs.METRICS).toString(), "No such file (nor " + SHIPPED_METRICS
                    + "); maybe " + dir + " is not the output folder of terastal experiment");
        }
        Path index = dir.resolve(TraceFiles.FOLDER).resolve(TraceFiles.INDEX);
        if (!Files.exists(index)) {
            throw new InputException(index.toString(), "No such file: the response-time CDFs and Gantt charts need the traces that "
                    + "terastal experiment writes (see its --trace-load); maybe the results predate them, so run the experiment again");
        }
        ResultsData data = new ResultsData(dir, metrics, index, TraceFiles.readIndex(index));
        CsvRows.read(metrics, CsvRows.Format.of(MetricsCsv.HEADER), data::add);
        if (data.rows == 0) {
            throw new InputException(metrics.toString(), "The file has a header but no rows; maybe the experiment was stopped");
        }
        return data;
    }

    private void add(CsvRows.Row row) {
        rows++;
        String scenario = row.get("instance");
        String scheduler = row.get("scheduler");
        row.getLong("seed");
        double load = row.getDouble("load");
        if (!(load > 0)) {
            throw row.error("load", "must be a positive number");
        }
        LatePolicy late;
        try {
            late = LatePolicy.parse(row.get("late"));
        } catch (IllegalArgumentException e) {
            throw row.error("late", "is not a late-frame policy (drop or continue)");
        }
        String model = row.get("model");
        double value = row.getDouble("value");
        if (!row.get("task").isEmpty()) {
            return; // the report is per model; task rows repeat a model's frames split by task
        }
        scenarios.add(scenario);
        schedulers.add(scheduler);
        lates.add(late);
        loads.add(load);
        if (model.startsWith(ACCELERATOR_PREFIX)) {
            accelerators.computeIfAbsent(scenario, k -> new LinkedHashSet<>()).add(model.substring(ACCELERATOR_PREFIX.length()));
        } else if (!model.equals(OVERALL)) {
            models.computeIfAbsent(scenario, k -> new LinkedHashSet<>()).add(model);
        }
        double[] sum = values.computeIfAbsent(key(scenario, scheduler, late, load, model, row.get("metric")), k -> new double[2]);
        sum[0] += value;
        sum[1]++;
    }

    private static String key(String scenario, String scheduler, LatePolicy late, double load, String model, String metric) {
        return String.join("|", scenario, scheduler, late.label(), Double.toString(load), model, metric);
    }

    /** The results folder. */
    public Path dir() {
        return dir;
    }

    /** The metrics file that was read. */
    public Path metricsFile() {
        return metricsFile;
    }

    /** The index of the traced runs. */
    public Path tracesIndex() {
        return tracesIndex;
    }

    /** Scenario names in file order. */
    public List<String> scenarios() {
        return List.copyOf(scenarios);
    }

    /** Scheduler names in file order. */
    public List<String> schedulers() {
        return List.copyOf(schedulers);
    }

    /** Late-frame policies in file order. */
    public List<LatePolicy> lates() {
        return List.copyOf(lates);
    }

    /** Load factors, ascending. */
    public List<Double> loads() {
        return List.copyOf(loads);
    }

    /** Models of a scenario, in file order. */
    public List<String> models(String scenario) {
        return List.copyOf(models.getOrDefault(scenario, Set.of()));
    }

    /** Accelerators of a scenario, in file order. */
    public List<String> accelerators(String scenario) {
        return List.copyOf(accelerators.getOrDefault(scenario, Set.of()));
    }

    /** The traced runs. */
    public List<TraceFiles.TracedRun> traced() {
        return traced;
    }

    /** Mean over seeds of a model's metric, or NaN when absent (or NaN in the file, e.g. no frame completed). */
    public double mean(String scenario, String scheduler, LatePolicy late, double load, String model, String metric) {
        double[] sum = values.get(key(scenario, scheduler, late, load, model, metric));
        return sum == null ? Double.NaN : sum[0] / sum[1];
    }

    /** Mean over seeds of an accelerator's metric, or NaN when absent. */
    public double acceleratorMean(String scenario, String scheduler, LatePolicy late, double load, String accelerator, String metric) {
        return mean(scenario, scheduler, late, load, ACCELERATOR_PREFIX + accelerator, metric);
    }

    /** Mean over the scenario's models of their mean-over-seeds metric (NaN values left out), or NaN when none. */
    public double meanOverModels(String scenario, String scheduler, LatePolicy late, double load, String metric) {
        List<Double> v = new ArrayList<>();
        for (String m : models(scenario)) {
            double x = mean(scenario, scheduler, late, load, m, metric);
            if (!Double.isNaN(x)) {
                v.add(x);
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The traced run of a scenario, scheduler and late-frame policy, or an error saying that the experiment did not trace it. */
    public TraceFiles.TracedRun tracedRun(String scenario, String scheduler, LatePolicy late) {
        return traced.stream().filter(r -> r.instance().equals(scenario) && r.scheduler().equals(scheduler) && r.late() == late)
                .findFirst().orElseThrow(() -> new InputException(tracesIndex.toString(), "There is no traced run of " + scheduler + " on "
                        + scenario + " with late frames " + late.label() + "; maybe the experiment that wrote the traces had other "
                        + "schedulers or policies, so run it again"));
    }
}
