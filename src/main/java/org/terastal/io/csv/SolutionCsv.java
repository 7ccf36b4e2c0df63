package org.terastal.io.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;

/**
 * A solution table as CSV for other systems: one row per layer, no comment lines, units in the
 * column names. Columns: {@code model, layer, position} (0-based in the model), {@code home},
 * {@code implementation} (original or variant), {@code budget_ns}, {@code deadline_offset_ns}
 * (from the frame's release), {@code flexible} (true or false), {@code variant_enabled} (whether
 * the layer's variant is in its model's enabled set), {@code worst_case_accuracy} (of the model's
 * enabled set), then {@code original_ns_<accelerator>} and {@code variant_ns_<accelerator>} for
 * every accelerator (empty when the variant is not enabled).
 */
public final class SolutionCsv {
    private SolutionCsv() {
    }

    /** The CSV text of a solution whose layers list their latencies. */
    public static String format(Solution solution) {
        return CsvWriter.text(csv -> rows(csv, solution));
    }

    private static void rows(CsvWriter csv, Solution solution) {
        List<String> accs = solution.models().isEmpty() || solution.models().get(0).layers().isEmpty() ? List.of()
                : List.copyOf(solution.models().get(0).layers().get(0).originalNs().keySet());
        List<String> header = new ArrayList<>(List.of("model", "layer", "position", "home", "implementation", "budget_ns", "deadline_offset_ns",
                "flexible", "variant_enabled", "worst_case_accuracy"));
        accs.forEach(a -> header.add("original_ns_" + a));
        accs.forEach(a -> header.add("variant_ns_" + a));
        csv.row(header);
        for (ModelPlan plan : solution.models()) {
            for (int i = 0; i < plan.layers().size(); i++) {
                LayerPlan l = plan.layers().get(i);
                List<String> row = new ArrayList<>(List.of(plan.model(), l.layer(), Integer.toString(i), l.home(), l.implementation().label(),
                        Long.toString(l.budgetNs()), Long.toString(l.deadlineOffsetNs()), Boolean.toString(l.flexible()),
                        Boolean.toString(plan.enabledVariants().contains(l.layer())), String.valueOf(plan.worstCaseAccuracy())));
                for (String a : accs) {
                    row.add(String.valueOf(l.originalNs().get(a)));
                }
                for (String a : accs) {
                    row.add(l.variantNs().isEmpty() ? "" : String.valueOf(l.variantNs().get(a)));
                }
                csv.row(row);
            }
        }
    }

    /** Writes the CSV atomically. */
    public static void write(Path file, Solution solution) {
        CsvWriter.write(file, csv -> rows(csv, solution));
    }
}
