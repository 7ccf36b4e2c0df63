package org.terastal.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Dependency;
import org.terastal.domain.Instance;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.domain.Task;
import org.terastal.io.InputException;
import org.terastal.io.maestro.MaestroLayer;
import org.terastal.io.maestro.MaestroNetwork;
import org.terastal.io.maestro.MaestroScenario;

/** Builds instances: from an XRBench/MAESTRO scenario file, or from model files and task specs. */
public final class Scenarios {
    private Scenarios() {
    }

    /**
     * Accelerators named by their dataflow ({@code ws}, {@code os}, {@code rs}) when every dataflow
     * occurs once, so instances and latency tables read the same across platforms; otherwise the
     * hardware file's own names are kept.
     */
    public static Platform platform(String name, List<Accelerator> accelerators) {
        Set<Dataflow> seen = new HashSet<>();
        boolean distinct = accelerators.stream().allMatch(a -> seen.add(a.dataflow()));
        List<Accelerator> renamed = accelerators.stream().map(a -> !distinct ? a
                : new Accelerator(a.dataflow().name().toLowerCase(Locale.ROOT), a.dataflow(), a.numPes(), a.clockMhz(),
                        a.nocBandwidth(), a.offchipBandwidth(), a.globalBufferBytes(), a.localMemoryBytes())).toList();
        return new Platform(name, renamed);
    }

    /**
     * An instance from a MAESTRO model file with XRBench's FPS, Probability and Dependency lines:
     * one model and one task per network, no variant candidates.
     */
    public static Instance fromMaestro(String file, String name, String description, MaestroScenario scenario,
                                       Platform platform, double accuracyFloor) {
        List<Model> models = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (MaestroNetwork network : scenario.networks()) {
            if (network.fps() == null) {
                throw new InputException(file, 0, 0, "Network " + network.name(), "The network '" + network.name()
                        + "' has no FPS line; an instance needs a frame rate per model; maybe add 'FPS: 30' to the network");
            }
            models.add(new Model(network.name(), "Imported from " + fileName(file), network.layers().stream()
                    .map(MaestroLayer::toLayer).toList(), List.of(), null, accuracyFloor));
            Dependency dependency = network.dependency() == null ? null
                    : new Dependency(network.dependency(), network.probability() == null ? 1.0 : network.probability());
            tasks.add(new Task(network.name(), network.name(), network.fps(), 0, 0, 0, dependency, 1.0));
        }
        return new Instance(name, description, platform, models, tasks);
    }

    /** An instance from models and task specs; every task must name one of the models. */
    public static Instance compose(String name, String description, Platform platform, List<Model> models, List<TaskSpec> specs) {
        List<Task> tasks = specs.stream().map(TaskSpec::toTask).toList();
        return new Instance(name, description, platform, models, tasks);
    }

    private static String fileName(String file) {
        return java.nio.file.Path.of(file).getFileName().toString();
    }
}
