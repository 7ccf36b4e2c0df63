package org.terastal.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.terastal.domain.Instance;
import org.terastal.io.json.InstanceFiles;
import org.terastal.offline.InstanceGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terastal generate}: a synthetic instance for scaling experiments (see {@link InstanceGenerator}). */
@Command(name = "generate", description = {
        "Write a synthetic instance: chains of CNN-like layers with variant candidates and monotone accuracy tables.",
        "The same settings always give the same file. Latencies come from the cost model (or a CSV) when solving."})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--models", paramLabel = "N", required = true, description = "Number of models, 1-32.")
    int models;

    @Option(names = "--layers", paramLabel = "N", required = true, description = "Layers per model, 7-200.")
    int layers;

    @Option(names = "--accelerators", paramLabel = "N", defaultValue = "2",
            description = "Accelerators, 1-4, dataflows WS, OS, RS, WS (default: ${DEFAULT-VALUE}).")
    int accelerators;

    @Option(names = "--load", paramLabel = "X", defaultValue = "0.5",
            description = "Ideal load of the first accelerator at one MAC per PE per cycle; real latencies make it several times "
                    + "higher (default: ${DEFAULT-VALUE}).")
    double load;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "Instance file to write (JSON).")
    Path output;

    @Override
    public Integer call() throws Exception {
        InstanceGenerator.Settings settings = CommandErrors.fromOptions(spec,
                () -> new InstanceGenerator.Settings(seed, models, layers, accelerators, load));
        return CommandErrors.run(spec, () -> {
            Instance instance = InstanceGenerator.generate(settings);
            InstanceFiles.write(output, instance);
            spec.commandLine().getOut().println("wrote " + output + ": " + instance.name() + ", " + InstanceFiles.checksum(instance));
            spec.commandLine().getOut().flush();
            return 0;
        });
    }
}
