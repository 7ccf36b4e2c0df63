package org.terastal.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.terastal.io.AtomicFiles;
import org.terastal.io.InputException;
import org.terastal.io.InputFiles;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.results.MetricsCsv;
import org.terastal.sim.RunResult;

/**
 * The file of one cell: the line {@link SweepPlan#cellHeader} followed by {@code rows=} and the
 * SHA-256 of the rest of the file, the header of the tidy CSV, and the run's tidy rows
 * ({@link MetricsCsv}). Written atomically, so a file that exists is complete; read back into the
 * run it was written from only after checking that it is a result of this very cell of this very
 * sweep, that nothing was changed since it was written (the checksum), and that its rows are those
 * of one run ({@link CellRows}).
 */
public final class CellFiles {
    private static final String ROWS = " rows=";
    private static final CsvRows.Format METRICS = CsvRows.Format.of(MetricsCsv.HEADER);

    private CellFiles() {
    }

    /** Where a cell's file lives in an output folder. */
    public static Path path(Path dir, Cell cell) {
        return dir.resolve(SweepPlan.CELLS).resolve(cell.fileName());
    }

    /** Writes the file of a cell's run atomically. */
    public static void write(Path dir, SweepPlan plan, Cell cell, RunResult run) {
        String body = MetricsCsv.HEADER + "\n" + MetricsCsv.rows(run);
        AtomicFiles.write(path(dir, cell), plan.cellHeader(cell) + ROWS + checksum(body) + "\n" + body);
    }

    private static String checksum(String body) {
        return SweepPlan.sha256(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The run of a cell file, after checking that it belongs to {@code cell} of {@code plan}, that it
     * is as it was written, and that its rows are those of one complete run.
     *
     * @throws InputException naming the file, the line and what is wrong
     */
    public static RunResult read(Path file, SweepPlan plan, Cell cell) {
        String text = new String(InputFiles.readBytes(file), StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 1);
        String recorded = recordedChecksum(file, first, plan.cellHeader(cell), cell);
        if (!checksum(body).equals(recorded)) {
            throw new InputException(file.toString(), 1, 0, null, "The rows do not match the checksum on this line: the file was changed "
                    + "after it was written (edited, or damaged on disk); delete it to run the cell again");
        }
        if (!body.startsWith(MetricsCsv.HEADER + "\n") || !body.endsWith("\n")) {
            throw new InputException(file.toString(), 2, 0, null, "The cell file lacks the header " + MetricsCsv.HEADER
                    + " or its last line break; delete it to run the cell again");
        }
        List<CsvRows.Row> rows;
        try {
            rows = CsvRows.parse(file.toString(), body, 2, METRICS);
        } catch (InputException e) {
            throw new InputException(e.file(), e.line(), e.column(), e.path(), e.reason() + "; delete the file to run the cell again", e);
        }
        CellRows.check(file, cell, rows);
        return MetricsCsv.read(rows);
    }

    /** The checksum the first line records, after checking that the line is the one {@code expected} of this cell. */
    private static String recordedChecksum(Path file, String first, String expected, Cell cell) {
        String family = SweepPlan.CELL_FORMAT.substring(0, SweepPlan.CELL_FORMAT.indexOf('/') + 1);
        if (!first.startsWith("# " + family)) {
            throw foreign(file, first, expected);
        }
        String format = first.substring(2).split(" ", 2)[0];
        if (!format.equals(SweepPlan.CELL_FORMAT)) {
            throw new InputException(file.toString(), 1, 0, null, "The cell file is of format " + format + ", made by another version of "
                    + "terastal (this one writes " + SweepPlan.CELL_FORMAT + ", which carries a checksum of its rows); delete the "
                    + SweepPlan.CELLS + " folder (or this file) to run its cells again");
        }
        int at = first.lastIndexOf(ROWS);
        if (at < 0) {
            throw new InputException(file.toString(), 1, 0, null, "The first line lacks the checksum of the rows (" + ROWS.strip()
                    + "sha256:…); the file is damaged: delete it to run the cell again");
        }
        String identity = first.substring(0, at);
        if (!identity.startsWith("# " + SweepPlan.CELL_FORMAT + " " + cell.id() + " ")) {
            throw foreign(file, first, expected);
        }
        if (!identity.equals(expected)) {
            throw new InputException(file.toString(), 1, 0, null, "The cell was computed from other inputs or another horizon ("
                    + identity.substring(2) + ") than this sweep's (" + expected.substring(2) + "); maybe the instance, solution, latency "
                    + "table or horizon changed: delete the " + SweepPlan.CELLS + " folder or write to another folder");
        }
        return first.substring(at + ROWS.length());
    }

    private static InputException foreign(Path file, String first, String expected) {
        return new InputException(file.toString(), 1, 0, null, "The first line (" + abbreviate(first) + ") is not the line '" + expected
                + " rows=…' of this cell; the file is foreign or damaged: delete it to run the cell again");
    }

    static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
