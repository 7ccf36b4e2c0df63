package org.terastal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.io.InputFiles;
import org.terastal.io.csv.LatencyCsv;

/** Where the commands get an instance's latency table: a CSV file, or the built-in cost model. */
public final class LatencyInputs {
    private LatencyInputs() {
    }

    /**
     * The table of an instance: from {@code csv} when given, else from the built-in cost model.
     *
     * @param csv a latency CSV ({@link LatencyCsv}), or null
     */
    public static LatencyTable forInstance(Instance instance, Path csv) {
        return csv == null ? builtIn(instance) : read(csv, instance);
    }

    /**
     * MERGE SEAM: the latency table the built-in cost model computes for an instance
     * ({@code LatencyTables.compute(instance, costModel)} of {@code org.terastal.costmodel}).
     * The cost model is not part of this branch, so until it is wired here the commands need
     * {@code --latency}.
     */
    static LatencyTable builtIn(Instance instance) {
        throw new IllegalArgumentException("This build has no built-in cost model yet, so the latencies of instance '" + instance.name()
                + "' must come from a file; maybe add --latency FILE.csv");
    }

    /**
     * Reads a latency CSV for an instance. The file may cover more models than the instance (a
     * library of figures, like the six-model MAESTRO table): rows of other models are skipped,
     * and line numbers in errors still point into the file.
     */
    public static LatencyTable read(Path csv, Instance instance) {
        Set<String> models = instance.models().stream().map(Model::id).collect(Collectors.toSet());
        String text = new String(InputFiles.readBytes(csv), StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        boolean header = false;
        for (String line : text.split("\n", -1)) {
            String row = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            boolean data = header && !row.isBlank() && !row.startsWith("#");
            if (!header && !row.isBlank() && !row.startsWith("#")) {
                header = true;
            }
            int comma = row.indexOf(',');
            boolean otherModel = data && comma > 0 && !models.contains(row.substring(0, comma).strip());
            // a skipped row becomes a comment line, so that later rows keep their line numbers
            kept.append(otherModel ? "#" : row).append('\n');
        }
        return LatencyCsv.parse(csv.toString(), kept.toString(), instance);
    }
}
