package org.terastal.io.csv;

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
import org.terastal.io.InputException;

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
    private static final CsvRows.Format FORMAT = CsvRows.Format.of(HEADER).withComments();

    private LatencyCsv() {
    }

    /** Reads a table for an instance; the file must name only that instance's models, layers and accelerators. */
    public static LatencyTable read(Path file, Instance instance) {
        Table table = new Table(file.toString(), instance);
        CsvRows.read(file, FORMAT, table::add);
        return table.build();
    }

    /** Parses CSV text; {@code name} stands for the file in messages. */
    public static LatencyTable parse(String name, String text, Instance instance) {
        Table table = new Table(name, instance);
        CsvRows.parse(name, text, FORMAT).forEach(table::add);
        return table.build();
    }

    /** A table being read, row by row. */
    private static final class Table {
        private final String name;
        private final Instance instance;
        private final LatencyTable.Builder builder;
        private final Map<String, Model> models = new HashMap<>();
        private final Set<List<String>> seen = new HashSet<>();

        Table(String name, Instance instance) {
            this.name = name;
            this.instance = instance;
            this.builder = LatencyTable.builder(instance, Path.of(name).getFileName().toString());
            instance.models().forEach(m -> models.put(m.id(), m));
        }

        void add(CsvRows.Row row) {
            Model model = models.get(row.get("model"));
            if (model == null) {
                // one table may serve many scenarios; a misspelt model still fails below, as its own entries are missing
                return;
            }
            String layerName = row.get("layer");
            int layer = model.layerIndex(layerName);
            if (layer < 0) {
                throw row.error("layer", "is not a layer of model '" + model.id() + "'");
            }
            Implementation impl;
            try {
                impl = Implementation.valueOf(row.get("implementation").toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error("implementation", "is not one of original, variant");
            }
            String accelerator = row.get("accelerator");
            int acc = instance.platform().indexOf(accelerator);
            if (acc < 0) {
                throw row.error("accelerator", "is not on platform '" + instance.platform().name() + "'; known accelerators are "
                        + instance.platform().accelerators().stream().map(a -> a.id()).toList());
            }
            long latency;
            try {
                latency = Long.parseLong(row.get("latency_ns"));
            } catch (NumberFormatException e) {
                throw row.error("latency_ns", "is not an integer number of nanoseconds");
            }
            List<String> key = List.of(model.id(), layerName, impl.label(), accelerator);
            if (!seen.add(key)) {
                throw row.rowError("The entry (" + CsvWriter.line(key) + ") appears twice; keep one");
            }
            try {
                builder.put(model.id(), layer, impl, acc, latency);
            } catch (IllegalArgumentException e) {
                String column = impl == Implementation.VARIANT ? "implementation" : "latency_ns";
                throw row.errorAt(column, e.getMessage());
            }
        }

        LatencyTable build() {
            try {
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw new InputException(name, e.getMessage());
            }
        }
    }

    /** CSV text of a table, with provenance comment lines first. */
    public static String format(LatencyTable table, Instance instance, List<String> comments) {
        return CsvWriter.text(csv -> rows(csv, table, instance, comments));
    }

    private static void rows(CsvWriter csv, LatencyTable table, Instance instance, List<String> comments) {
        comments.forEach(csv::comment);
        csv.row(FORMAT.columns());
        for (Model model : instance.models()) {
            for (int l = 0; l < model.layers().size(); l++) {
                boolean candidate = model.candidate(model.layers().get(l).name()).isPresent();
                for (Implementation impl : Implementation.values()) {
                    if (impl == Implementation.VARIANT && !candidate) {
                        continue;
                    }
                    for (int a = 0; a < table.accelerators().size(); a++) {
                        csv.row(model.id(), model.layers().get(l).name(), impl.label(), table.accelerators().get(a),
                                Long.toString(table.get(model.id(), l, impl, a)));
                    }
                }
            }
        }
    }

    /** Writes a table atomically. */
    public static void write(Path file, LatencyTable table, Instance instance, List<String> comments) {
        CsvWriter.write(file, csv -> rows(csv, table, instance, comments));
    }
}
