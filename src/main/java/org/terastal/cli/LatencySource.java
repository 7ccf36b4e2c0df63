package org.terastal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.io.InputFiles;
import org.terastal.io.csv.LatencyCsv;

/**
 * The latency table of a simulation: a {@code --latency} CSV, or else the built-in cost model, which
 * its module installs here when the command line is assembled.
 */
public final class LatencySource {
    private static volatile Function<Instance, LatencyTable> costModel;

    private LatencySource() {
    }

    /** Installs the built-in cost model used when no CSV is given. */
    public static void install(Function<Instance, LatencyTable> model) {
        costModel = model;
    }

    /**
     * The table for an instance. A CSV may hold more models than the instance (e.g. a table shared by
     * several scenarios): rows of models the instance does not have are skipped, keeping line numbers
     * of error messages right.
     */
    public static LatencyTable forInstance(Instance instance, Path csv) {
        if (csv == null) {
            Function<Instance, LatencyTable> m = costModel;
            if (m == null) {
                throw new IllegalArgumentException("No latency table: give --latency CSV (this build has no built-in cost model installed)");
            }
            return m.apply(instance);
        }
        Set<String> models = new HashSet<>();
        instance.models().forEach(m -> models.add(m.id()));
        String text = new String(InputFiles.readBytes(csv), StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        boolean header = false;
        for (String line : text.split("\n", -1)) {
            String model = line.contains(",") ? line.substring(0, line.indexOf(',')).strip() : "";
            boolean data = header && !line.isBlank() && !line.startsWith("#");
            if (!header && line.strip().equals(LatencyCsv.HEADER)) {
                header = true;
            }
            kept.append(data && !model.isEmpty() && !models.contains(model) ? "# skipped: model not in the instance" : line).append('\n');
        }
        return LatencyCsv.parse(csv.toString(), kept.toString(), instance);
    }
}
