package org.terastal.io.csv;

import java.nio.file.Path;
import java.util.List;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.io.AtomicFiles;

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
        List<String> accs = solution.models().isEmpty() || solution.models().get(0).layers().isEmpty() ? List.of()
                : List.copyOf(solution.models().get(0).layers().get(0).originalNs().keySet());
        StringBuilder sb = new StringBuilder("model,layer,position,home,implementation,budget_ns,deadline_offset_ns,flexible,variant_enabled,"
                + "worst_case_accuracy");
        accs.forEach(a -> sb.append(",original_ns_").append(a));
        accs.forEach(a -> sb.append(",variant_ns_").append(a));
        sb.append('\n');
        for (ModelPlan plan : solution.models()) {
            for (int i = 0; i < plan.layers().size(); i++) {
                LayerPlan l = plan.layers().get(i);
                sb.append(plan.model()).append(',').append(l.layer()).append(',').append(i).append(',').append(l.home()).append(',')
                        .append(l.implementation().label()).append(',').append(l.budgetNs()).append(',').append(l.deadlineOffsetNs())
                        .append(',').append(l.flexible()).append(',').append(plan.enabledVariants().contains(l.layer())).append(',')
                        .append(plan.worstCaseAccuracy());
                for (String a : accs) {
                    sb.append(',').append(l.originalNs().get(a));
                }
                for (String a : accs) {
                    sb.append(',');
                    if (!l.variantNs().isEmpty()) {
                        sb.append(l.variantNs().get(a));
                    }
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** Writes the CSV atomically. */
    public static void write(Path file, Solution solution) {
        AtomicFiles.write(file, format(solution));
    }
}
