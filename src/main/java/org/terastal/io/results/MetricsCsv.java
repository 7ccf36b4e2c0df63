package org.terastal.io.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terastal.domain.Decimals;
import org.terastal.io.InputException;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.csv.CsvWriter;
import org.terastal.sim.AcceleratorMetrics;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.ModelMetrics;
import org.terastal.sim.RunResult;
import org.terastal.sim.TaskMetrics;

/**
 * The tidy long rows of runs, header {@value #HEADER}: one row per (group, metric), the group being
 * the whole run (model {@value ModelMetrics#OVERALL}), a model, a task (its model and task id), or an
 * accelerator (model {@code accelerator:<id>}); the task column is empty except in task rows. A run's
 * groups come in that order, each with its metrics in the order of {@link #MODEL_METRICS} or
 * {@link #ACCELERATOR_METRICS}. {@code simulate} writes them into {@code metrics.csv}, a sweep into
 * each cell file and the merged {@code metrics.csv}; {@link #read} turns the rows of one run back
 * into the {@link RunResult} they were written from.
 */
public final class MetricsCsv {
    /** The header of the tidy rows. */
    public static final String HEADER = "instance,scheduler,seed,load,late,model,task,metric,value";
    /** The metrics of a model, task or the whole run, in the order they are written. */
    public static final List<String> MODEL_METRICS = List.of("released", "on_time", "missed", "dropped", "miss_rate", "response_p50_ns",
            "response_p95_ns", "response_p99_ns", "response_max_ns", "tardiness_mean_ns", "tardiness_max_ns", "accuracy_loss_mean",
            "accuracy_loss_max");
    /** The metrics of an accelerator, in the order they are written. */
    public static final List<String> ACCELERATOR_METRICS = List.of("utilisation", "busy_ns", "layers");
    /** What the model column of an accelerator's rows starts with. */
    public static final String ACCELERATOR_PREFIX = "accelerator:";
    /** The columns that name the run of a row. */
    private static final List<String> RUN_COLUMNS = List.of("instance", "scheduler", "seed", "load", "late");

    private MetricsCsv() {
    }

    /** The rows (no header) of a run. */
    public static String rows(RunResult run) {
        return CsvWriter.text(csv -> write(csv, run));
    }

    /** Writes the rows (no header) of a run. */
    public static void write(CsvWriter csv, RunResult r) {
        String[] run = {r.scenario(), r.scheduler(), Long.toString(r.seed()), Decimals.plain(r.load()), r.late().label()};
        appendModel(csv, run, r.overall(), "");
        r.models().forEach(m -> appendModel(csv, run, m, ""));
        r.tasks().forEach(t -> appendModel(csv, run, t.metrics(), t.task()));
        for (AcceleratorMetrics a : r.accelerators()) {
            String[] values = {Decimals.plain(a.utilisation()), Long.toString(a.busyNs()), Long.toString(a.layers())};
            for (int i = 0; i < values.length; i++) {
                row(csv, run, ACCELERATOR_PREFIX + a.accelerator(), "", ACCELERATOR_METRICS.get(i), values[i]);
            }
        }
    }

    private static void appendModel(CsvWriter csv, String[] run, ModelMetrics m, String task) {
        String[] values = {Long.toString(m.released()), Long.toString(m.onTime()), Long.toString(m.missed()), Long.toString(m.dropped()),
            Decimals.plain(m.missRate()), Long.toString(m.responseP50Ns()), Long.toString(m.responseP95Ns()),
            Long.toString(m.responseP99Ns()), Long.toString(m.responseMaxNs()), Decimals.plain(m.tardinessMeanNs()),
            Long.toString(m.tardinessMaxNs()), Decimals.plain(m.accuracyLossMean()), Decimals.plain(m.accuracyLossMax())};
        for (int i = 0; i < values.length; i++) {
            row(csv, run, m.model(), task, MODEL_METRICS.get(i), values[i]);
        }
    }

    /** One row: the run's five columns, then model, task, metric and value. */
    private static void row(CsvWriter csv, String[] run, String model, String task, String metric, String value) {
        csv.row(run[0], run[1], run[2], run[3], run[4], model, task, metric, value);
    }

    /**
     * The run whose rows these are (read with the header {@value #HEADER}).
     *
     * @throws InputException naming the file, line and column, when the rows are not those of one run
     */
    public static RunResult read(List<CsvRows.Row> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("There are no rows");
        }
        CsvRows.Row first = rows.get(0);
        Map<String, CsvRows.Row> overall = new LinkedHashMap<>();
        Map<String, Map<String, CsvRows.Row>> metrics = new LinkedHashMap<>();
        Map<String, Map<String, CsvRows.Row>> taskMetrics = new LinkedHashMap<>();
        Map<String, Map<String, CsvRows.Row>> acceleratorMetrics = new LinkedHashMap<>();
        Map<String, String> taskModel = new LinkedHashMap<>();
        for (CsvRows.Row row : rows) {
            for (String column : RUN_COLUMNS) {
                if (!row.get(column).equals(first.get(column))) {
                    throw row.error(column, "belongs to another run than the row of line " + first.line() + " (" + first.get(column) + ")");
                }
            }
            String model = row.get("model");
            String task = row.get("task");
            String metric = row.get("metric");
            if (!task.isEmpty()) {
                String known = taskModel.putIfAbsent(task, model);
                if (known != null && !known.equals(model)) {
                    throw row.error("model", "of task '" + task + "' is not the model an earlier row gives it (" + known + ")");
                }
                taskMetrics.computeIfAbsent(task, k -> new LinkedHashMap<>()).put(metric, row);
            } else if (model.equals(ModelMetrics.OVERALL)) {
                overall.put(metric, row);
            } else if (model.startsWith(ACCELERATOR_PREFIX)) {
                acceleratorMetrics.computeIfAbsent(model.substring(ACCELERATOR_PREFIX.length()), k -> new LinkedHashMap<>()).put(metric, row);
            } else {
                metrics.computeIfAbsent(model, k -> new LinkedHashMap<>()).put(metric, row);
            }
        }
        if (overall.isEmpty()) {
            throw first.rowError("The metrics of the whole run (model " + ModelMetrics.OVERALL + ") are missing from the run starting here");
        }
        List<ModelMetrics> models = new ArrayList<>();
        metrics.forEach((model, m) -> models.add(modelMetrics(first, model, m)));
        List<TaskMetrics> tasks = new ArrayList<>();
        taskMetrics.forEach((task, m) -> tasks.add(new TaskMetrics(task, modelMetrics(first, taskModel.get(task), m))));
        List<AcceleratorMetrics> accelerators = new ArrayList<>();
        acceleratorMetrics.forEach((a, m) -> accelerators.add(new AcceleratorMetrics(a, longOf(first, m, "busy_ns"),
                doubleOf(first, m, "utilisation"), longOf(first, m, "layers"))));
        LatePolicy late;
        try {
            late = LatePolicy.parse(first.get("late"));
        } catch (IllegalArgumentException e) {
            throw first.error("late", "is not a late-frame policy (drop or continue)");
        }
        return new RunResult(first.get("instance"), first.get("scheduler"), first.getLong("seed"), first.getDouble("load"), late,
                modelMetrics(first, ModelMetrics.OVERALL, overall), models, tasks, accelerators);
    }

    private static ModelMetrics modelMetrics(CsvRows.Row first, String model, Map<String, CsvRows.Row> m) {
        try {
            return new ModelMetrics(model, longOf(first, m, "released"), longOf(first, m, "on_time"), longOf(first, m, "missed"),
                    longOf(first, m, "dropped"), doubleOf(first, m, "miss_rate"), longOf(first, m, "response_p50_ns"),
                    longOf(first, m, "response_p95_ns"), longOf(first, m, "response_p99_ns"), longOf(first, m, "response_max_ns"),
                    doubleOf(first, m, "tardiness_mean_ns"), longOf(first, m, "tardiness_max_ns"), doubleOf(first, m, "accuracy_loss_mean"),
                    doubleOf(first, m, "accuracy_loss_max"));
        } catch (IllegalArgumentException e) {
            throw first.rowError("The metrics of model '" + model + "' in the run starting here are not those of a run: " + e.getMessage());
        }
    }

    private static CsvRows.Row metric(CsvRows.Row first, Map<String, CsvRows.Row> m, String name) {
        CsvRows.Row row = m.get(name);
        if (row == null) {
            throw first.rowError("The metric " + name + " is missing from the run starting here");
        }
        return row;
    }

    private static long longOf(CsvRows.Row first, Map<String, CsvRows.Row> m, String name) {
        return metric(first, m, name).getLong("value");
    }

    private static double doubleOf(CsvRows.Row first, Map<String, CsvRows.Row> m, String name) {
        return metric(first, m, name).getDouble("value");
    }
}
