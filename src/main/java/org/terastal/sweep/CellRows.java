package org.terastal.sweep;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.terastal.io.InputException;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.results.MetricsCsv;
import org.terastal.sim.ModelMetrics;

/**
 * Checks that the rows of a cell file are those one run writes ({@link MetricsCsv#write}):
 * every row of the cell; the whole run's group first, then each model's, each task's and each
 * accelerator's, every group once and with all its metrics in order; counts that are non-negative
 * integers adding up (released = on time + missed + dropped); rates that are numbers. The checksum
 * of a cell file catches edits; these checks catch rows that were wrong when written.
 */
final class CellRows {
    /** Metrics whose values are fractions or means rather than integer counts or times. */
    private static final Set<String> FRACTIONAL = Set.of("miss_rate", "tardiness_mean_ns", "accuracy_loss_mean", "accuracy_loss_max", "utilisation");
    /** Fractional metrics that are NaN when a frame ran a combination of variants the accuracy table does not measure. */
    private static final Set<String> MAYBE_NAN = Set.of("accuracy_loss_mean", "accuracy_loss_max");
    /** Lines before the first row: the cell line and the CSV header. */
    private static final int FIRST_LINE = 3;

    private final Path file;
    private final Set<List<String>> groups = new HashSet<>();
    private final Set<String> tasks = new HashSet<>();
    /** The model and task of the group being read. */
    private List<String> group;
    private List<String> metrics;
    private int next;
    private int kind = -1;
    private final long[] counts = new long[4];

    private CellRows(Path file) {
        this.file = file;
    }

    /**
     * @throws InputException naming the file, the line and what is wrong
     */
    static void check(Path file, Cell cell, List<CsvRows.Row> rows) {
        if (rows.isEmpty()) {
            throw new InputException(file.toString(), FIRST_LINE, 0, null, "The cell file has no rows; delete it to run the cell again");
        }
        CellRows check = new CellRows(file);
        List<String> run = cell.runColumns();
        int previous = FIRST_LINE - 1;
        for (CsvRows.Row row : rows) {
            check.row(row, previous, cell, run);
            previous = row.line();
        }
        check.endGroup(previous);
    }

    /** Checks a row; {@code previous} is the line of the row before it. */
    private void row(CsvRows.Row row, int previous, Cell cell, List<String> run) {
        int line = row.line();
        if (!row.fields().subList(0, run.size()).equals(run)) {
            fail(line, "The row (" + CellFiles.abbreviate(row.toString()) + ") is not a result of cell " + cell.id());
        }
        String model = row.get("model");
        String task = row.get("task");
        String metric = row.get("metric");
        if (group == null || !group.get(0).equals(model) || !group.get(1).equals(task)) {
            startGroup(line, previous, model, task);
        }
        if (next == metrics.size()) {
            fail(line, "The metric " + metric + " follows the last metric (" + metrics.get(next - 1) + ") of " + describe(group)
                    + "; a row is repeated or added");
        }
        if (!metric.equals(metrics.get(next))) {
            fail(line, "The metric (" + metric + ") of " + describe(group) + " is not the expected " + metrics.get(next)
                    + "; a row is missing, repeated or out of order");
        }
        value(line, metric, row.get("value"));
        next++;
    }

    private void startGroup(int line, int previous, String model, String task) {
        endGroup(previous);
        int k = model.startsWith(MetricsCsv.ACCELERATOR_PREFIX) ? 3 : !task.isEmpty() ? 2 : model.equals(ModelMetrics.OVERALL) ? 0 : 1;
        List<String> key = List.of(model, task);
        if (group == null && k != 0) {
            fail(line, "The rows do not start with the metrics of the whole run (model " + ModelMetrics.OVERALL + ")");
        }
        if (k == 3 && !task.isEmpty()) {
            fail(line, "The accelerator row names a task (" + task + ")");
        }
        if (!groups.add(key) || k == 2 && !tasks.add(task)) {
            fail(line, "The metrics of " + describe(key) + " appear a second time");
        }
        if (k < kind) {
            fail(line, "The metrics of " + describe(key) + " come after those of " + describe(group)
                    + "; a run writes the whole run's, the models', the tasks' and the accelerators' in this order");
        }
        group = key;
        kind = k;
        metrics = k == 3 ? MetricsCsv.ACCELERATOR_METRICS : MetricsCsv.MODEL_METRICS;
        next = 0;
    }

    /** Checks that the group read so far is complete; {@code line} is its last line. */
    private void endGroup(int line) {
        if (group == null) {
            return;
        }
        if (next < metrics.size()) {
            fail(line, "The metrics of " + describe(group) + " stop before " + metrics.get(next) + "; a row is missing");
        }
        if (kind != 3 && counts[0] != counts[1] + counts[2] + counts[3]) {
            fail(line, "The frames released (" + counts[0] + ") by " + describe(group) + " are not those on time, missed and dropped ("
                    + counts[1] + " + " + counts[2] + " + " + counts[3] + ")");
        }
    }

    private void value(int line, String metric, String text) {
        if (!FRACTIONAL.contains(metric)) {
            long v;
            try {
                v = Long.parseLong(text);
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 0) {
                fail(line, "The value (" + text + ") of " + metric + " is not a non-negative integer");
            }
            if (kind != 3 && next < counts.length) {
                counts[next] = v;
            }
            return;
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NEGATIVE_INFINITY;
        }
        boolean ok = MAYBE_NAN.contains(metric) ? Double.isNaN(v) || Double.isFinite(v) : Double.isFinite(v) && v >= 0;
        if (!ok) {
            fail(line, "The value (" + text + ") of " + metric + " is not " + (MAYBE_NAN.contains(metric) ? "a number" : "a non-negative number"));
        }
    }

    private static String describe(List<String> key) {
        String model = key.get(0);
        String task = key.get(1);
        if (!task.isEmpty()) {
            return "task " + task;
        }
        return model.equals(ModelMetrics.OVERALL) ? "the whole run" : model.startsWith(MetricsCsv.ACCELERATOR_PREFIX) ? model : "model " + model;
    }

    private void fail(int line, String reason) {
        throw new InputException(file.toString(), line, 0, null, reason + "; delete the file to run the cell again");
    }
}
