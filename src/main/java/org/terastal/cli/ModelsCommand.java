package org.terastal.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.terastal.domain.Instance;
import org.terastal.domain.Model;
import org.terastal.io.json.InstanceFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code terastal models}: the models of instances as model files, e.g. a pool for {@code terastal suite}. */
@Command(name = "models", description = {
        "Write every model of the instances as a model file (terastal-model/1), DIR/ID.json.",
        "A model that occurs in several instances must be the same in each, its description aside",
        "(the first instance's is kept). Nothing is written when one differs."})
final class ModelsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INSTANCE", description = "Instance files (JSON, terastal-instance/1).")
    List<Path> instances;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder to write the model files into.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, () -> {
            Map<String, Model> models = new LinkedHashMap<>();
            Map<String, Path> source = new LinkedHashMap<>();
            for (Path file : instances) {
                Instance instance = InstanceFiles.read(file);
                for (Model model : instance.models()) {
                    if (!model.id().matches("[A-Za-z0-9_][A-Za-z0-9._-]*")) {
                        throw new IllegalArgumentException(file + ": The model id ('" + model.id() + "') is not a file name of letters, "
                                + "digits, '.', '-' and '_'; maybe rename the model");
                    }
                    Model first = models.putIfAbsent(model.id(), model);
                    if (first == null) {
                        source.put(model.id(), file);
                    } else if (!InstanceFiles.toJson(withoutDescription(first)).equals(InstanceFiles.toJson(withoutDescription(model)))) {
                        throw new IllegalArgumentException(file + ": The model '" + model.id() + "' differs from the model of that id in "
                                + source.get(model.id()) + "; one file per id cannot hold both; maybe rename one of them");
                    }
                }
            }
            for (Model model : models.values()) {
                InstanceFiles.write(output.resolve(model.id() + ".json"), model);
            }
            spec.commandLine().getOut().printf("Wrote %d model files to %s: %s%n", models.size(), output, String.join(", ", models.keySet()));
            spec.commandLine().getOut().flush();
            return 0;
        });
    }

    private static Model withoutDescription(Model m) {
        return new Model(m.id(), "", m.layers(), m.candidates(), m.accuracy(), m.accuracyFloor());
    }
}
