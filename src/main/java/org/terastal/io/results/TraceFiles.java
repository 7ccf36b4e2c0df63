package org.terastal.io.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.terastal.domain.Decimals;
import org.terastal.io.AtomicFiles;
import org.terastal.io.InputFiles;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.csv.CsvWriter;
import org.terastal.sim.LatePolicy;

/**
 * The traces an experiment keeps of a few runs, for plots that need more than summary figures, in the
 * folder {@value #FOLDER} of its output:
 * <ul>
 *   <li>{@value #INDEX}: one row per traced run, header {@value #INDEX_HEADER}; {@code timeline} and
 *       {@code responses} are paths relative to the folder.</li>
 *   <li>a timeline per run, in the format of {@link TraceCsv}, holding every layer that overlaps the
 *       window [{@code window_from_ns}, {@code window_to_ns}) (layers are not cut).</li>
 *   <li>a response table per run, header {@value #RESPONSES_HEADER}: for every model and some quantiles
 *       q, the nearest-rank q-quantile of the response times of all the model's released frames, a
 *       dropped frame counting as never finishing. A quantile that falls on a dropped frame has no row,
 *       so the table's highest quantile of a model is at most its completed fraction.</li>
 * </ul>
 */
public final class TraceFiles {
    /** Sub-folder of the experiment's output. */
    public static final String FOLDER = "traces";
    public static final String INDEX = "index.csv";
    public static final String INDEX_HEADER = "instance,scheduler,seed,load,late,window_from_ns,window_to_ns,timeline,responses";
    public static final String RESPONSES_HEADER = "model,quantile,response_ns";

    /**
     * One traced run: a row of {@value #INDEX}.
     *
     * @param instance     scenario name
     * @param scheduler    scheduler name
     * @param seed         seed of the run
     * @param load         load factor of the run
     * @param late         late-frame policy
     * @param windowFromNs start of the recorded timeline window
     * @param windowToNs   end (exclusive) of the window
     * @param timeline     the timeline file, relative to the traces folder
     * @param responses    the response table, relative to the traces folder
     */
    public record TracedRun(String instance, String scheduler, long seed, double load, LatePolicy late, long windowFromNs,
                            long windowToNs, String timeline, String responses) {
    }

    /**
     * One row of a response table.
     *
     * @param model      model id
     * @param quantile   the quantile, in [0, 1]
     * @param responseNs response time at that quantile
     */
    public record ResponseQuantile(String model, double quantile, long responseNs) {
    }

    private TraceFiles() {
    }

    /**
     * Copies the traces of one output folder into another (for {@code merge}: shard 1 of a sharded sweep
     * writes them): the files its index names, then the index, each written atomically.
     *
     * @return the number of traced runs copied
     */
    public static int copy(Path fromOutput, Path toOutput) {
        Path from = fromOutput.resolve(FOLDER);
        Path to = toOutput.resolve(FOLDER);
        List<TracedRun> runs = readIndex(from.resolve(INDEX));
        for (TracedRun run : runs) {
            for (String file : List.of(run.timeline(), run.responses())) {
                byte[] bytes = InputFiles.readBytes(from.resolve(file));
                AtomicFiles.write(to.resolve(file), out -> out.write(bytes));
            }
        }
        byte[] index = InputFiles.readBytes(from.resolve(INDEX));
        AtomicFiles.write(to.resolve(INDEX), out -> out.write(index));
        return runs.size();
    }

    /** A name that is safe as one path element on every platform. */
    public static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The response table as CSV. */
    public static String responsesCsv(List<ResponseQuantile> rows) {
        return CsvWriter.text(csv -> {
            csv.header(RESPONSES_HEADER);
            rows.forEach(r -> csv.row(r.model(), Decimals.plain(r.quantile()), Long.toString(r.responseNs())));
        });
    }

    /** The index as CSV. */
    public static String indexCsv(List<TracedRun> runs) {
        return CsvWriter.text(csv -> {
            csv.header(INDEX_HEADER);
            for (TracedRun r : runs) {
                csv.row(r.instance(), r.scheduler(), Long.toString(r.seed()), Decimals.plain(r.load()), r.late().label(),
                        Long.toString(r.windowFromNs()), Long.toString(r.windowToNs()), r.timeline(), r.responses());
            }
        });
    }

    /** Reads {@value #INDEX}; every file it names must exist beside it. */
    public static List<TracedRun> readIndex(Path file) {
        List<TracedRun> out = new ArrayList<>();
        for (CsvRows.Row row : CsvRows.read(file, INDEX_HEADER)) {
            LatePolicy late;
            try {
                late = LatePolicy.parse(row.get("late"));
            } catch (IllegalArgumentException e) {
                throw row.error("late", "is not one of " + Arrays.stream(LatePolicy.values()).map(LatePolicy::label).toList());
            }
            double load = row.getDouble("load");
            if (!(load > 0)) {
                throw row.error("load", "must be a positive number");
            }
            long from = row.getLong("window_from_ns");
            if (from < 0) {
                throw row.error("window_from_ns", "must not be negative");
            }
            long to = row.getLong("window_to_ns");
            if (to <= from) {
                throw row.error("window_to_ns", "must be after window_from_ns (" + from + ")");
            }
            TracedRun run = new TracedRun(row.get("instance"), row.get("scheduler"), row.getLong("seed"), load, late,
                    from, to, row.get("timeline"), row.get("responses"));
            for (String column : List.of("timeline", "responses")) {
                Path named = file.resolveSibling(row.get(column));
                if (!named.normalize().startsWith(file.getParent() == null ? Path.of("") : file.getParent().normalize())
                        || !Files.isRegularFile(named)) {
                    throw row.error(column, "names no file inside " + (file.getParent() == null ? "." : file.getParent())
                            + "; maybe the traces folder was copied only in part");
                }
            }
            out.add(run);
        }
        return out;
    }

    /** Reads a response table. */
    public static List<ResponseQuantile> readResponses(Path file) {
        List<ResponseQuantile> out = new ArrayList<>();
        for (CsvRows.Row row : CsvRows.read(file, RESPONSES_HEADER)) {
            double q = row.getDouble("quantile");
            if (!(q >= 0 && q <= 1)) {
                throw row.error("quantile", "is not in [0, 1]");
            }
            long v = row.getLong("response_ns");
            if (v < 0) {
                throw row.error("response_ns", "is negative");
            }
            out.add(new ResponseQuantile(row.get("model"), q, v));
        }
        return out;
    }
}
