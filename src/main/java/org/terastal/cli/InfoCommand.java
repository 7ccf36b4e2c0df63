package org.terastal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.terastal.analysis.WorkloadAnalysis;
import org.terastal.analysis.WorkloadAnalysis.CandidateStats;
import org.terastal.analysis.WorkloadAnalysis.ModelStats;
import org.terastal.analysis.WorkloadAnalysis.ScenarioStats;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code terastal info}: what a workload asks of each accelerator. */
@Command(name = "info", description = {
        "Show what a workload asks of each accelerator.",
        "Per model: layers, MACs, latency on each accelerator, how many layers prefer each engine and the",
        "load the model puts on each engine at its FPS; per variant candidate the latency gap between",
        "engines with and without the variant; for the scenario the load on each engine and the balanced bound."})
final class InfoCommand implements Runnable {
    @Mixin
    InstanceOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Instance instance = options.instance();
        LatencyTable table = options.latencies(instance);
        print(instance, table, WorkloadAnalysis.analyse(instance, table), spec.commandLine().getOut());
    }

    static void print(Instance instance, LatencyTable table, ScenarioStats stats, PrintWriter out) {
        List<String> accs = stats.accelerators();
        out.printf(Locale.ROOT, "Instance %s: %d models, %d tasks on %s%n", instance.name(), instance.models().size(),
                instance.tasks().size(), instance.platform().name());
        for (Accelerator a : instance.platform().accelerators()) {
            out.printf(Locale.ROOT, "  accelerator %-8s %s, %d PEs, %.0f MHz, NoC %d words/cycle%n", a.id(), a.dataflow(),
                    a.numPes(), a.clockMhz(), a.nocBandwidth());
        }
        out.printf(Locale.ROOT, "Latencies: %s%n%n", table.source());

        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-28s %7s %6s %8s", "model", "fps", "layers", "GMACs"));
        for (String a : accs) {
            head.append(String.format(Locale.ROOT, " %10s", a + " ms"));
        }
        head.append(String.format(Locale.ROOT, " %12s", "prefer " + String.join("/", accs)));
        for (String a : accs) {
            head.append(String.format(Locale.ROOT, " %9s", "util " + a));
        }
        out.println(head);
        for (ModelStats m : stats.models()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-28s %7.2f %6d %8.3f", m.model(), m.fps(), m.layers(),
                    m.macs() / 1e9));
            for (long t : m.totalNs()) {
                row.append(String.format(Locale.ROOT, " %10.3f", t / 1e6));
            }
            StringBuilder prefer = new StringBuilder();
            for (int i = 0; i < m.preferring().length; i++) {
                prefer.append(i == 0 ? "" : "/").append(m.preferring()[i]);
            }
            row.append(String.format(Locale.ROOT, " %12s", prefer));
            for (double u : m.utilisation()) {
                row.append(String.format(Locale.ROOT, " %9.3f", u));
            }
            out.println(row);
        }
        out.println();
        StringBuilder all = new StringBuilder("Load if everything ran on one engine:");
        for (int a = 0; a < accs.size(); a++) {
            final int ai = a;
            all.append(String.format(Locale.ROOT, " %s %.3f", accs.get(a),
                    stats.models().stream().mapToDouble(m -> m.utilisation()[ai]).sum()));
        }
        out.println(all);
        StringBuilder pref = new StringBuilder("Load with each layer on its fastest engine:");
        for (int a = 0; a < accs.size(); a++) {
            pref.append(String.format(Locale.ROOT, " %s %.3f", accs.get(a), stats.preferredLoad()[a]));
        }
        out.println(pref);
        if (!Double.isNaN(stats.balancedBound())) {
            out.printf(Locale.ROOT, "Balanced bound (layers split between engines at will, no variants): max load %.3f%n",
                    stats.balancedBound());
        }
        boolean any = stats.models().stream().anyMatch(m -> !m.candidates().isEmpty());
        if (!any) {
            out.println("No variant candidates.");
            return;
        }
        out.printf(Locale.ROOT, "%nVariant candidates: latency ms on %s; gap = slowest - fastest engine%n", String.join(" / ", accs));
        out.printf(Locale.ROOT, "%-20s %-52s %3s %-24s %8s %-24s %8s%n", "model", "layer", "r", "original", "gap", "variant", "gap");
        for (ModelStats m : stats.models()) {
            for (CandidateStats c : m.candidates()) {
                out.printf(Locale.ROOT, "%-20s %-52s %3d %-24s %8.3f %-24s %8.3f%n", m.model(), c.layer(), c.ratio(),
                        ms(c.original()), c.originalGapNs() / 1e6, ms(c.variant()), c.variantGapNs() / 1e6);
            }
        }
    }

    private static String ms(long[] ns) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ns.length; i++) {
            sb.append(i == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.3f", ns[i] / 1e6));
        }
        return sb.toString();
    }
}
