package org.terastal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Instance;
import org.terastal.domain.Platform;
import org.terastal.io.InputFiles;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.maestro.MaestroHardware;
import org.terastal.io.maestro.MaestroHardwareParser;
import org.terastal.io.maestro.MaestroModelParser;
import org.terastal.io.maestro.MaestroScenario;
import org.terastal.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code terastal import}: an instance from MAESTRO/XRBench files. */
@Command(name = "import", description = {
        "Build an instance from an XRBench/MAESTRO scenario and hardware file.",
        "Reads a MAESTRO model file with XRBench's FPS, Probability and Dependency lines and a MAESTRO",
        "hardware file. One model and one task per network; no variant candidates."})
final class ImportCommand implements Runnable {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "MAESTRO model file (.m, an XRBench scenario).")
    Path modelFile;

    @Option(names = "--hw", required = true, paramLabel = "FILE", description = "MAESTRO hardware file (.m).")
    Path hwFile;

    @Option(names = "--dataflows", required = true, split = ",", paramLabel = "DATAFLOW",
            description = "Dataflow of each accelerator of the hardware file, in order, of ${COMPLETION-CANDIDATES}, e.g. WS,OS.")
    List<Dataflow> dataflows;

    @Option(names = "--name", paramLabel = "NAME", description = "Instance name (default: the model file's name).")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the instance is and where it comes from.")
    String description;

    @Option(names = "--floor", defaultValue = "0.97", paramLabel = "X",
            description = "Accuracy floor (normalised, in (0, 1]) of every model (default: ${DEFAULT-VALUE}).")
    void floor(double value) {
        if (!(value > 0 && value <= 1)) {
            throw new ParameterException(spec.commandLine(), "The floor (" + value + ") is not a normalised accuracy in (0, 1]; maybe --floor 0.97");
        }
        floor = value;
    }

    private double floor;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Instance file to write.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        MaestroScenario scenario = MaestroModelParser.parse(modelFile.toString(), text(modelFile));
        String stem = stem(modelFile);
        Platform platform = maestroPlatform(hwFile, dataflows);
        String desc = description != null ? description
                : "Imported from " + modelFile.getFileName() + " and " + hwFile.getFileName() + " with dataflows " + dataflows;
        Instance instance = Scenarios.fromMaestro(modelFile.toString(), name == null ? stem : name, desc, scenario, platform, floor);
        InstanceFiles.write(output, instance);
        spec.commandLine().getOut().printf("Wrote %s: %d models on %s%n", output, instance.models().size(), platform.name());
    }

    /** A platform from a MAESTRO hardware file, named after the file and the dataflows, e.g. {@code Dual_4K WS+OS}. */
    static Platform maestroPlatform(Path hwFile, List<Dataflow> dataflows) {
        MaestroHardware hw = MaestroHardwareParser.parse(hwFile.toString(), text(hwFile));
        return Scenarios.platform(stem(hwFile) + " " + String.join("+", dataflows.stream().map(Enum::name).toList()),
                hw.toAccelerators(dataflows));
    }

    static String text(Path file) {
        return new String(InputFiles.readBytes(file), StandardCharsets.UTF_8);
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
