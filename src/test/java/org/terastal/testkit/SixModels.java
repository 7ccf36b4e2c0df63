package org.terastal.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Dependency;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.domain.Task;
import org.terastal.io.csv.LatencyCsv;
import org.terastal.io.json.InstanceFiles;

/**
 * The six shipped models on the dual 2048-PE WS + OS platform with the shipped MAESTRO latency
 * table, and skewed mixes of them whose rates are set by their all-on-WS load.
 */
public final class SixModels {
    /** Latency table shipped with the models. */
    public static final Path LATENCY = Path.of("latency/six-models-maestro-dual2048.csv");

    private SixModels() {
    }

    /** The shipped models, in file-name order. */
    public static List<Model> models() {
        try (Stream<Path> files = Files.list(Path.of("models"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(InstanceFiles::readModel).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two 2048-PE engines at 1 GHz, as in the latency table: {@code ws} (WS) and {@code os} (OS). */
    public static Platform platform() {
        return new Platform("Dual_4K WS+OS", List.of(
                new Accelerator("ws", Dataflow.WS, 2048, 1000, 128, 128, 2L << 20, 8192),
                new Accelerator("os", Dataflow.OS, 2048, 1000, 128, 128, 2L << 20, 8192)));
    }

    /**
     * One task of a mix: the model, its relative share of the WS load (periodic tasks), release jitter
     * as a fraction of the period, and for a cascaded task its parent and probability (its fps, which
     * sets its deadline, is its mean release rate: the parent's fps times the probability).
     */
    public record Share(String model, double weight, double jitterFraction, String parent, double probability) {
        public static Share of(String model, double weight) {
            return new Share(model, weight, 0.05, null, 1);
        }

        public static Share cascade(String model, String parent, double probability) {
            return new Share(model, 0, 0, parent, probability);
        }
    }

    /**
     * A mix whose all-on-WS utilisation (Σ rate · WS time of a frame, cascades at parent rate times
     * probability) is {@code wsLoad}; periodic tasks get rates in proportion to their weights divided by
     * their WS time, so each weight is the task's share of the periodic WS load.
     */
    public static Instance mix(String name, double wsLoad, List<Share> shares) {
        List<Model> models = models();
        Instance bare = new Instance(name, "", platform(), models, List.of(new Task("x", models.get(0).id(), 1, 0, 0, 0, null, 1)));
        LatencyTable table = LatencyCsv.read(LATENCY, bare);
        Map<String, Double> raw = new HashMap<>();
        for (Share s : shares) {
            raw.put(s.model(), s.parent() == null ? s.weight() / (wsNs(bare.model(s.model()), table) / 1e9)
                    : raw.get(s.parent()) * s.probability());
        }
        double util = 0;
        for (Share s : shares) {
            util += raw.get(s.model()) * wsNs(bare.model(s.model()), table) / 1e9;
        }
        double scale = wsLoad / util;
        List<Task> tasks = new ArrayList<>();
        for (Share s : shares) {
            double fps = raw.get(s.model()) * scale;
            long jitter = Math.round(1e9 / fps * s.jitterFraction());
            Dependency dep = s.parent() == null ? null : new Dependency(s.parent(), s.probability());
            tasks.add(new Task(s.model(), s.model(), fps, 0, 0, jitter, dep, 1));
        }
        String description = "Skewed mix at all-on-WS load " + wsLoad + " built in test code from the shipped models";
        return new Instance(name, description, platform(), models, tasks);
    }

    private static long wsNs(Model m, LatencyTable table) {
        long ws = 0;
        for (int l = 0; l < m.layers().size(); l++) {
            ws += table.get(m.id(), l, Implementation.ORIGINAL, 0);
        }
        return ws;
    }

    /** The shipped latency table for an instance made of the six models. */
    public static LatencyTable latency(Instance instance) {
        return LatencyCsv.read(LATENCY, instance);
    }

    /** All-on-WS utilisation of an instance (cascaded tasks at their parent's rate times the probability). */
    public static double wsLoad(Instance instance, LatencyTable table) {
        double u = 0;
        for (Task t : instance.tasks()) {
            double fps = t.dependency() == null ? t.fps() : instance.tasks().stream()
                    .filter(p -> p.id().equals(t.dependency().parent())).findFirst().orElseThrow().fps() * t.dependency().probability();
            u += fps * wsNs(instance.model(t.model()), table) / 1e9;
        }
        return u;
    }
}
