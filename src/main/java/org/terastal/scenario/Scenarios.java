package org.terastal.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Dependency;
import org.terastal.domain.DomainException;
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
            try {
                models.add(new Model(network.name(), "Imported from " + fileName(file), network.layers().stream()
                        .map(MaestroLayer::toLayer).toList(), List.of(), null, accuracyFloor));
            } catch (DomainException e) {
                throw atNetwork(file, network, e);
            }
        }
        Map<String, MaestroNetwork> byName = new HashMap<>();
        scenario.networks().forEach(n -> byName.putIfAbsent(n.name(), n));
        for (MaestroNetwork network : scenario.networks()) {
            Dependency dependency = network.dependency() == null ? null
                    : new Dependency(network.dependency(), network.probability() == null ? 1.0 : network.probability());
            double fps = network.fps();
            long deadline = 0;
            if (dependency != null) {
                // XRBench's FPS of a cascaded network is the rate its deadline is set by; it runs at its
                // parent's rate times the probability
                fps = rate(byName, network, new HashSet<>());
                if (Math.abs(fps - network.fps()) > Instance.CASCADE_RATE_TOLERANCE * fps) {
                    deadline = Math.round(1e9 / network.fps());
                }
            }
            try {
                tasks.add(new Task(network.name(), network.name(), fps, deadline, 0, 0, dependency, 1.0));
            } catch (DomainException e) {
                throw atNetwork(file, network, e);
            }
        }
        return new Instance(name, description, platform, models, tasks);
    }

    /** A network that cannot become a model or task, reported at the network in the MAESTRO file. */
    private static InputException atNetwork(String file, MaestroNetwork network, DomainException e) {
        return new InputException(file, 0, 0, "Network " + network.name(), e.getMessage());
    }

    /** The rate a network runs at: its FPS, or for a cascade its parent's rate times the probability. */
    private static double rate(Map<String, MaestroNetwork> byName, MaestroNetwork network, Set<String> visiting) {
        if (network.dependency() == null) {
            return network.fps();
        }
        MaestroNetwork parent = byName.get(network.dependency());
        if (parent == null || !visiting.add(network.name())) {
            // Instance reports unknown parents and cycles with the task's place
            return network.fps();
        }
        return Instance.cascadeRate(rate(byName, parent, visiting), network.probability() == null ? 1.0 : network.probability());
    }

    /** An instance from models and task specs; every task must name one of the models. */
    public static Instance compose(String name, String description, Platform platform, List<Model> models, List<TaskSpec> specs) {
        Map<String, TaskSpec> byId = new HashMap<>();
        specs.forEach(s -> byId.putIfAbsent(s.id(), s));
        Map<String, Task> done = new HashMap<>();
        List<Task> tasks = specs.stream().map(s -> resolve(s, byId, done, new HashSet<>())).toList();
        return new Instance(name, description, platform, models, tasks);
    }

    /** The task of a spec, with the rate of a cascaded task that leaves out {@code @FPS} taken from its parent. */
    private static Task resolve(TaskSpec spec, Map<String, TaskSpec> byId, Map<String, Task> done, Set<String> visiting) {
        Task known = done.get(spec.id());
        if (known != null) {
            return known;
        }
        if (!visiting.add(spec.id())) {
            throw new IllegalArgumentException("The cascades of task '" + spec.id() + "' form a cycle through " + visiting
                    + "; a cascaded task needs a periodic task at the start of its chain");
        }
        Task task = spec.toTask(parent -> {
            TaskSpec parentSpec = byId.get(parent);
            if (parentSpec == null) {
                throw new IllegalArgumentException("The task spec (" + spec.text() + ") cascades from an unknown task ('" + parent
                        + "'); known tasks are " + byId.keySet().stream().sorted().toList());
            }
            return resolve(parentSpec, byId, done, visiting).fps();
        });
        done.put(spec.id(), task);
        return task;
    }

    private static String fileName(String file) {
        return java.nio.file.Path.of(file).getFileName().toString();
    }
}
