package org.terastal.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.terastal.io.AtomicFiles;
import org.terastal.io.InputException;
import org.terastal.io.InputFiles;
import org.terastal.sim.Experiment;
import org.terastal.sim.SimOutputs;

/**
 * The file of one cell: the line {@link SweepPlan#cellHeader}, the header of the tidy CSV, and the
 * run's tidy rows. Written atomically, so a file that exists is complete; read back only after
 * checking that it is a result of this very cell of this very sweep.
 */
public final class CellFiles {
    private CellFiles() {
    }

    /** Where a cell's file lives in an output folder. */
    public static Path path(Path dir, Cell cell) {
        return dir.resolve(SweepPlan.CELLS).resolve(cell.fileName());
    }

    /** Writes a cell's rows (no CSV header) atomically. */
    public static void write(Path dir, SweepPlan plan, Cell cell, String rows) {
        AtomicFiles.write(path(dir, cell), plan.cellHeader(cell) + "\n" + SimOutputs.METRICS_HEADER + "\n" + rows);
    }

    /**
     * The rows (no CSV header) of a cell file, after checking that it belongs to {@code cell} of
     * {@code plan} and that its rows are those of one complete run.
     *
     * @throws InputException naming the file, the line and what is wrong
     */
    public static String read(Path file, SweepPlan plan, Cell cell) {
        String text = new String(InputFiles.readBytes(file), StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(text.split("\n", -1));
        String expected = plan.cellHeader(cell);
        if (!lines.get(0).equals(expected)) {
            String reason = lines.get(0).startsWith("# " + SweepPlan.CELL_FORMAT + " " + cell.id() + " ")
                    ? "The cell was computed from other inputs or another horizon (" + lines.get(0).substring(2) + ") than this sweep's ("
                    + expected.substring(2) + "); maybe the instance, solution, latency table or horizon changed: delete the "
                    + SweepPlan.CELLS + " folder or write to another folder"
                    : "The first line (" + abbreviate(lines.get(0)) + ") is not the line '" + expected
                    + "' of this cell; the file is foreign or damaged: delete it to run the cell again";
            throw new InputException(file.toString(), 1, 0, null, reason);
        }
        if (lines.size() < 4 || !lines.get(1).equals(SimOutputs.METRICS_HEADER) || !text.endsWith("\n")) {
            throw new InputException(file.toString(), Math.min(lines.size(), 2), 0, null, "The cell file is cut short or lacks the header "
                    + SimOutputs.METRICS_HEADER + "; delete it to run the cell again");
        }
        List<String> rows = lines.subList(2, lines.size() - 1);
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).startsWith(cell.rowPrefix())) {
                throw new InputException(file.toString(), i + 3, 0, null, "The row (" + abbreviate(rows.get(i))
                        + ") is not a result of cell " + cell.id() + "; delete the file to run the cell again");
            }
        }
        try {
            Experiment.parseRun(rows);
        } catch (IllegalArgumentException e) {
            throw new InputException(file.toString(), "The rows are not those of one run: " + e.getMessage()
                    + "; delete the file to run the cell again");
        }
        return String.join("\n", rows) + "\n";
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
