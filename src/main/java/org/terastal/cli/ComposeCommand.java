package org.terastal.cli;

import java.nio.file.Path;
import java.util.List;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Instance;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.io.json.InstanceFiles;
import org.terastal.scenario.Scenarios;
import org.terastal.scenario.TaskSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code terastal compose}: an instance from model files, a platform and task specs. */
@Command(name = "compose", description = {
        "Build an instance from model files, a platform and tasks.",
        "Model files are terastal-model/1 JSON (see models/).",
        "The platform is a MAESTRO hardware file (with --dataflows) or an instance file whose platform is reused."})
final class ComposeCommand implements Runnable {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Instance name.")
    String name;

    @Option(names = "--description", defaultValue = "", paramLabel = "TEXT", description = "How the instance was chosen.")
    String description;

    @Option(names = "--platform", required = true, paramLabel = "FILE", description = "MAESTRO hardware file (.m) or instance file (.json).")
    Path platformFile;

    @Option(names = "--dataflows", split = ",", paramLabel = "DATAFLOW",
            description = "Dataflow of each accelerator of a MAESTRO hardware file, in order, of ${COMPLETION-CANDIDATES}, e.g. WS,OS.")
    List<Dataflow> dataflows;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file; repeat for each model.")
    List<Path> modelFiles;

    @Option(names = "--task", required = true, paramLabel = "SPEC", converter = OptionTypes.TaskSpecs.class,
            description = {"Task: [ID:]MODEL@FPS[,deadline=MS][,offset=MS][,jitter=MS][,weight=W][,after=PARENT[/P]]; repeat for each task."})
    List<TaskSpec> tasks;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Instance file to write.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Platform platform = platform();
        List<Model> models = modelFiles.stream().map(InstanceFiles::readModel).toList();
        Instance instance = Scenarios.compose(name, description, platform, models, tasks);
        InstanceFiles.write(output, instance);
        spec.commandLine().getOut().printf("Wrote %s: %d models, %d tasks on %s%n", output, models.size(), instance.tasks().size(),
                platform.name());
    }

    private Platform platform() {
        return platform(spec, platformFile, dataflows);
    }

    /** The platform of a MAESTRO hardware file with its dataflows, or of an instance file (shared with {@code suite}). */
    static Platform platform(CommandSpec spec, Path platformFile, List<Dataflow> dataflows) {
        if (platformFile.toString().endsWith(".json")) {
            if (dataflows != null) {
                throw new ParameterException(spec.commandLine(), "--dataflows applies to a MAESTRO hardware file, not to " + platformFile);
            }
            return InstanceFiles.read(platformFile).platform();
        }
        if (dataflows == null) {
            throw new ParameterException(spec.commandLine(), "--dataflows is needed with the MAESTRO hardware file " + platformFile
                    + "; e.g. --dataflows WS,OS");
        }
        return ImportCommand.maestroPlatform(platformFile, dataflows);
    }
}
