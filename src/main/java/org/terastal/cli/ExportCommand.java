package org.terastal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Layer;
import org.terastal.domain.Model;
import org.terastal.domain.VariantCandidate;
import org.terastal.io.AtomicFiles;
import org.terastal.io.AtomicFolders;
import org.terastal.io.csv.CsvWriter;
import org.terastal.io.maestro.MaestroExport;
import org.terastal.io.maestro.MaestroModelWriter;
import org.terastal.io.maestro.MaestroScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terastal export}: variant models for other tools. */
@Command(name = "export", description = {
        "Export the variant models of an instance for other tools.",
        "--format maestro writes MAESTRO model files as a folder: the scenario with its original layers",
        "and, per variant candidate, the model with that layer replaced by its variant, ready for MAESTRO.",
        "The folder is written whole; an existing one is replaced only when it holds nothing but *.m files.",
        "--format csv writes the variant table: per candidate the dims and latency of original and variant."})
final class ExportCommand implements Runnable {
    /** The export formats. */
    enum Format { maestro, csv }

    @Mixin
    InstanceOptions options;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PATH", description = "Folder (maestro) or file (csv).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Instance instance = options.instance();
        if (format == Format.maestro) {
            writeMaestro(instance);
        } else {
            AtomicFiles.write(output, variantTable(instance, options.latencies(instance)));
            spec.commandLine().getOut().println("Wrote " + output);
        }
    }

    private void writeMaestro(Instance instance) {
        List<String> header = List.of("Exported by terastal from instance '" + instance.name() + "'.",
                "Inputs are sized so that MAESTRO's stride-1, no-padding output equals the true output.");
        String scenario = MaestroModelWriter.write(MaestroExport.scenario(instance), header);
        List<String[]> variants = new ArrayList<>();
        for (Model model : instance.models()) {
            for (VariantCandidate c : model.candidates()) {
                MaestroScenario one = new MaestroScenario(List.of(MaestroExport.network(model.id() + "_" + c.layer(), model,
                        Set.of(c.layer()), null, null, null)));
                variants.add(new String[] {model.id() + "_" + c.layer() + ".m", MaestroModelWriter.write(one, List.of(
                        "Model '" + model.id() + "' with layer '" + c.layer() + "' as its D2S variant, r = " + c.ratio() + "."))});
            }
        }
        // the folder is written whole: no file of an earlier export stays beside this one's, and a
        // failed or killed export leaves the earlier folder as it was
        AtomicFolders.replaceOutputs(output, name -> name.endsWith(".m"), "the MAESTRO model files (*.m) export writes", folder -> {
            Files.writeString(folder.resolve(instance.name() + ".m"), scenario);
            for (String[] v : variants) {
                Files.writeString(folder.resolve(v[0]), v[1]);
            }
        });
        spec.commandLine().getOut().printf("Wrote %d MAESTRO model files to %s%n", variants.size() + 1, output);
    }

    /** The variant table: one row per candidate and implementation, dims and latency on every accelerator. */
    static String variantTable(Instance instance, LatencyTable table) {
        return CsvWriter.text(csv -> {
            List<String> header = new ArrayList<>(List.of("model", "layer", "r", "implementation", "type", "N", "K", "C", "Y", "X", "R", "S",
                    "stride", "padY", "padX", "macs"));
            table.accelerators().forEach(a -> header.add(a + "_latency_ns"));
            csv.row(header);
            for (Model model : instance.models()) {
                for (VariantCandidate c : model.candidates()) {
                    int index = model.layerIndex(c.layer());
                    for (Implementation impl : Implementation.values()) {
                        Layer l = impl == Implementation.ORIGINAL ? model.layers().get(index) : model.variantOf(index).orElseThrow();
                        List<String> row = new ArrayList<>(List.of(model.id(), c.layer(), String.valueOf(c.ratio()), impl.label(),
                                l.type().name()));
                        for (long v : new long[] {l.n(), l.k(), l.c(), l.y(), l.x(), l.r(), l.s(), l.stride(), l.padY(), l.padX(), l.macs()}) {
                            row.add(Long.toString(v));
                        }
                        for (int a = 0; a < table.accelerators().size(); a++) {
                            row.add(Long.toString(table.get(model.id(), index, impl, a)));
                        }
                        csv.row(row);
                    }
                }
            }
        });
    }
}
