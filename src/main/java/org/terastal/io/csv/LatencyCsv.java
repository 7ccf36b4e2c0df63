package org.terastal.io.csv;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.io.AtomicFiles;
import org.terastal.io.InputException;
import org.terastal.io.InputFiles;

/**
 * Latency tables as CSV, so figures from MAESTRO or a real profiler can replace the built-in
 * cost model. Lines starting with {@code #} are comments (provenance); then the header
 * {@value #HEADER} and one row per (model, layer, implementation, accelerator). Latency is in
 * integer nanoseconds. A table must cover its instance: every original layer on every
 * accelerator, and the variant of every candidate layer on every accelerator. Rows of models
 * the instance does not have are skipped, so one table can serve every scenario built from a
 * set of models.
 */
public final class LatencyCsv {
    /** The header line. */
    public static final String HEADER = "model,layer,implementation,accelerator,latency_ns";

    private LatencyCsv() {
    }

    /** Reads a table for an instance; the file must name only that instance's models, layers and accelerators. */
    public static LatencyTable read(Path file, Instance instance) {
        return parse(file.toString(), new String(InputFiles.readBytes(file), StandardCharsets.UTF_8), instance);
    }

    /** Parses CSV text; {@code name} stands for the file in messages. */
    public static LatencyTable parse(String name, String text, Instance instance) {
        String[] lines = text.split("\r?\n", -1);
        LatencyTable.Builder builder = LatencyTable.builder(instance, Path.of(name).getFileName().toString());
        Map<String, Model> models = new HashMap<>();
        instance.models().forEach(m -> models.put(m.id(), m));
        Set<String> seen = new HashSet<>();
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.strip().equals(HEADER)) {
                    throw new InputException(name, lineNo, 1, null, "The header (" + line.strip() + ") is not the expected '" + HEADER + "'");
                }
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 5) {
                throw new InputException(name, lineNo, 1, null, "The row has " + f.length + " fields, expected 5 (" + HEADER + ")");
            }
            Model model = models.get(f[0].strip());
            if (model == null) {
                // one table may serve many scenarios; a misspelt model still fails below, as its own entries are missing
                continue;
            }
            int layer = model.layerIndex(f[1].strip());
            if (layer < 0) {
                throw new InputException(name, lineNo, column(f, 1), "layer", "The layer (" + f[1] + ") is not a layer of model '"
                        + model.id() + "'");
            }
            Implementation impl;
            try {
                impl = Implementation.valueOf(f[2].strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputException(name, lineNo, column(f, 2), "implementation", "The implementation (" + f[2]
                        + ") is not one of original, variant");
            }
            int acc = instance.platform().indexOf(f[3].strip());
            if (acc < 0) {
                throw new InputException(name, lineNo, column(f, 3), "accelerator", "The accelerator (" + f[3]
                        + ") is not on platform '" + instance.platform().name() + "'; known accelerators are "
                        + instance.platform().accelerators().stream().map(a -> a.id()).toList());
            }
            long latency;
            try {
                latency = Long.parseLong(f[4].strip());
            } catch (NumberFormatException e) {
                throw new InputException(name, lineNo, column(f, 4), "latency_ns", "The latency_ns (" + f[4]
                        + ") is not an integer number of nanoseconds");
            }
            String key = String.join(",", f[0].strip(), f[1].strip(), impl.label(), f[3].strip());
            if (!seen.add(key)) {
                throw new InputException(name, lineNo, 1, null, "The entry (" + key + ") appears twice; keep one");
            }
            try {
                builder.put(model.id(), layer, impl, acc, latency);
            } catch (IllegalArgumentException e) {
                throw new InputException(name, lineNo, column(f, impl == Implementation.VARIANT ? 2 : 4), null, e.getMessage());
            }
        }
        if (!header) {
            throw new InputException(name, "The file has no header line; expected '" + HEADER + "'");
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new InputException(name, e.getMessage());
        }
    }

    /** CSV text of a table, with provenance comment lines first. */
    public static String format(LatencyTable table, Instance instance, List<String> comments) {
        StringBuilder sb = new StringBuilder();
        comments.forEach(c -> sb.append("# ").append(c).append('\n'));
        sb.append(HEADER).append('\n');
        for (Model model : instance.models()) {
            for (int l = 0; l < model.layers().size(); l++) {
                boolean candidate = model.candidate(model.layers().get(l).name()).isPresent();
                for (Implementation impl : Implementation.values()) {
                    if (impl == Implementation.VARIANT && !candidate) {
                        continue;
                    }
                    for (int a = 0; a < table.accelerators().size(); a++) {
                        sb.append(model.id()).append(',').append(model.layers().get(l).name()).append(',').append(impl.label())
                                .append(',').append(table.accelerators().get(a)).append(',')
                                .append(table.get(model.id(), l, impl, a)).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Writes a table atomically. */
    public static void write(Path file, LatencyTable table, Instance instance, List<String> comments) {
        AtomicFiles.write(file, format(table, instance, comments));
    }

    private static int column(String[] fields, int index) {
        int col = 1;
        for (int i = 0; i < index; i++) {
            col += fields[i].length() + 1;
        }
        return col;
    }
}
