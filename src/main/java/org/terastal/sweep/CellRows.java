package org.terastal.sweep;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.terastal.io.InputException;
import org.terastal.sim.ModelMetrics;
import org.terastal.sim.SimOutputs;

/**
 * Checks that the rows of a cell file are those one run writes ({@link SimOutputs#metricsRows}):
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
    private static final int FIELDS = SimOutputs.METRICS_HEADER.split(",").length;
    /** Lines before the first row: the cell line and the CSV header. */
    private static final int FIRST_LINE = 3;

    private final Path file;
    private final Set<String> groups = new HashSet<>();
    private final Set<String> tasks = new HashSet<>();
    private String group;
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
    static void check(Path file, Cell cell, List<String> rows) {
        if (rows.isEmpty()) {
            throw new InputException(file.toString(), FIRST_LINE, 0, null, "The cell file has no rows; delete it to run the cell again");
        }
        CellRows check = new CellRows(file);
        for (int i = 0; i < rows.size(); i++) {
            check.row(i + FIRST_LINE, cell, rows.get(i));
        }
        check.endGroup(rows.size() + FIRST_LINE - 1);
    }

    private void row(int line, Cell cell, String row) {
        String[] f = row.split(",", -1);
        if (f.length != FIELDS) {
            fail(line, "The row (" + CellFiles.abbreviate(row) + ") has " + f.length + " fields, not the " + FIELDS + " of "
                    + SimOutputs.METRICS_HEADER);
        }
        if (!row.startsWith(cell.rowPrefix())) {
            fail(line, "The row (" + CellFiles.abbreviate(row) + ") is not a result of cell " + cell.id());
        }
        String key = f[5] + "," + f[6];
        if (!key.equals(group)) {
            startGroup(line, f[5], f[6]);
        }
        if (next == metrics.size()) {
            fail(line, "The metric " + f[7] + " follows the last metric (" + metrics.get(next - 1) + ") of " + describe(group)
                    + "; a row is repeated or added");
        }
        if (!f[7].equals(metrics.get(next))) {
            fail(line, "The metric (" + f[7] + ") of " + describe(group) + " is not the expected " + metrics.get(next)
                    + "; a row is missing, repeated or out of order");
        }
        value(line, f[7], f[8]);
        next++;
    }

    private void startGroup(int line, String model, String task) {
        endGroup(line - 1);
        int k = model.startsWith(SimOutputs.ACCELERATOR_PREFIX) ? 3 : !task.isEmpty() ? 2 : model.equals(ModelMetrics.OVERALL) ? 0 : 1;
        String key = model + "," + task;
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
        metrics = k == 3 ? SimOutputs.ACCELERATOR_METRICS : SimOutputs.MODEL_METRICS;
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

    private static String describe(String key) {
        int comma = key.indexOf(',');
        String model = key.substring(0, comma);
        String task = key.substring(comma + 1);
        if (!task.isEmpty()) {
            return "task " + task;
        }
        return model.equals(ModelMetrics.OVERALL) ? "the whole run" : model.startsWith(SimOutputs.ACCELERATOR_PREFIX) ? model : "model " + model;
    }

    private void fail(int line, String reason) {
        throw new InputException(file.toString(), line, 0, null, reason + "; delete the file to run the cell again");
    }
}
