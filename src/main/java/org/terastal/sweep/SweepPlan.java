package org.terastal.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.terastal.domain.Decimals;
import org.terastal.domain.DomainException;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.JsonFormats;
import org.terastal.io.json.JsonInputs;
import org.terastal.io.json.JsonPrinter;
import org.terastal.sim.LatePolicy;

/**
 * A sweep resolved to what its results depend on: scenario names with a digest of their inputs
 * (instance, latency table, solution table), schedulers, late-frame policies, loads, seeds, horizon
 * and the report's averaging range; no paths. It fixes the canonical order of the cells and is
 * written beside them as {@value #MANIFEST}, so {@code terastal merge} needs neither the sweep file
 * nor the inputs it names.
 *
 * @param scenarios   scenario names and input digests, in order
 * @param schedulers  scheduler names, in order
 * @param lates       late-frame policies
 * @param loads       load factors
 * @param seeds       seeds
 * @param horizonNs   simulated horizon of each run
 * @param averageFrom lowest load the report averages
 * @param averageTo   highest load the report averages
 */
public record SweepPlan(List<ScenarioKey> scenarios, List<String> schedulers, List<LatePolicy> lates, List<Double> loads, List<Long> seeds,
                        long horizonNs, double averageFrom, double averageTo) {
    /** File name of the manifest in an output folder. */
    public static final String MANIFEST = "sweep-manifest.json";
    /** Format tag of the manifest. */
    public static final String FORMAT = JsonFormats.SWEEP_MANIFEST;
    /** Folder of the cell files in an output folder. */
    public static final String CELLS = "cells";
    /** Format tag on the first line of every cell file. */
    public static final String CELL_FORMAT = "terastal-cell/3";

    /**
     * A scenario as the results see it.
     *
     * @param name   scenario name
     * @param inputs digest of everything its runs read ({@link #inputsDigest})
     * @param suite  the suite the scenario is a task set of, or null
     */
    public record ScenarioKey(String name, String inputs, String suite) {
        /** A scenario of no suite. */
        public ScenarioKey(String name, String inputs) {
            this(name, inputs, null);
        }
    }

    /** The suites of the plan's scenarios, in order of first appearance. */
    public List<String> suites() {
        return scenarios.stream().map(ScenarioKey::suite).filter(java.util.Objects::nonNull).distinct().toList();
    }

    public SweepPlan {
        scenarios = List.copyOf(scenarios);
        schedulers = List.copyOf(schedulers);
        lates = List.copyOf(lates);
        loads = List.copyOf(loads);
        seeds = List.copyOf(seeds);
        Map<String, String> ids = new HashMap<>();
        for (Cell cell : cellsOf(scenarios, schedulers, lates, loads, seeds)) {
            String clash = ids.put(cell.id(), cell.scenario() + "/" + cell.scheduler());
            if (clash != null) {
                throw new DomainException("scenarios", "Two cells share the file name " + cell.fileName() + " (scenario names '"
                        + clash + "' and '" + cell.scenario() + "/" + cell.scheduler() + "' differ only in characters other than letters, digits, '.', '-' and '_'); "
                        + "maybe rename a scenario");
            }
        }
    }

    /** The plan of a sweep whose scenarios have been loaded and digested. */
    public static SweepPlan of(Sweep sweep, List<ScenarioKey> scenarios) {
        return new SweepPlan(scenarios, sweep.schedulers(), sweep.lates(), sweep.loads(), sweep.seeds(), sweep.horizonNs(),
                sweep.averageFrom(), sweep.averageTo());
    }

    /** Every cell, in canonical order: scenario, scheduler, late-frame policy, load, seed (the order of metrics.csv). */
    public List<Cell> cells() {
        return cellsOf(scenarios, schedulers, lates, loads, seeds);
    }

    private static List<Cell> cellsOf(List<ScenarioKey> scenarios, List<String> schedulers, List<LatePolicy> lates, List<Double> loads,
                                      List<Long> seeds) {
        List<Cell> cells = new ArrayList<>();
        for (ScenarioKey sc : scenarios) {
            for (String s : schedulers) {
                for (LatePolicy late : lates) {
                    for (double load : loads) {
                        for (long seed : seeds) {
                            cells.add(new Cell(cells.size(), sc.name(), s, late, load, seed));
                        }
                    }
                }
            }
        }
        return cells;
    }

    /**
     * Shard {@code k} of {@code n} (1-based): the cells whose canonical index i has i mod n = k − 1.
     * Dealing cells round-robin gives every shard the same mix of cheap and expensive cells.
     */
    public List<Cell> shard(int k, int n) {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("The shard (" + k + "/" + n + ") is not k/n with 1 <= k <= n, e.g. 1/4");
        }
        return cells().stream().filter(c -> c.index() % n == k - 1).toList();
    }

    /** The sweep in a few words for messages: its size, scenarios, schedulers, loads, seeds, late-frame policies and horizon. */
    public String describe() {
        return cells().size() + " cells: scenarios " + few(scenarios.stream().map(ScenarioKey::name).toList()) + "; schedulers "
                + few(schedulers) + "; late " + few(lates.stream().map(LatePolicy::label).toList()) + "; loads "
                + few(loads.stream().map(Decimals::plain).toList()) + "; seeds " + few(seeds.stream().map(String::valueOf).toList())
                + "; horizon " + horizonNs + " ns";
    }

    private static String few(List<String> values) {
        int shown = 4;
        return values.size() <= shown ? String.join(", ", values)
                : String.join(", ", values.subList(0, shown)) + ", … (" + values.size() + ")";
    }

    /** The digest of a scenario by name. */
    public String inputs(String scenario) {
        return scenarios.stream().filter(s -> s.name().equals(scenario)).findFirst().map(ScenarioKey::inputs)
                .orElseThrow(() -> new IllegalArgumentException("No scenario '" + scenario + "' in the sweep"));
    }

    /** The first line of a cell's file: what the cell is and what its result was computed from. */
    public String cellHeader(Cell cell) {
        return "# " + CELL_FORMAT + " " + cell.id() + " inputs=" + inputs(cell.scenario()) + " horizonNs=" + horizonNs;
    }

    /**
     * SHA-256 of what a scenario's runs read: the instance's canonical checksum, every latency figure
     * of its models, and {@code solution}, a text naming the solution table (e.g. the file's digest).
     */
    public static String inputsDigest(Instance instance, LatencyTable latency, String solution) {
        StringBuilder text = new StringBuilder(InstanceFiles.checksum(instance)).append('\n');
        for (Model model : instance.models()) {
            if (!latency.hasModel(model.id())) {
                continue;
            }
            text.append(model.id());
            for (int layer = 0; layer < model.layers().size(); layer++) {
                for (Implementation impl : Implementation.values()) {
                    for (int a = 0; a < latency.accelerators().size(); a++) {
                        text.append(',').append(latency.get(model.id(), layer, impl, a));
                    }
                }
            }
            text.append('\n');
        }
        text.append(solution);
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256:<hex>} of some bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The manifest, canonical JSON: the same plan gives the same bytes. */
    public String manifestJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("format", FORMAT);
        ArrayNode sc = root.putArray("scenarios");
        scenarios.forEach(s -> {
            ObjectNode node = sc.addObject().put("name", s.name()).put("inputs", s.inputs());
            if (s.suite() != null) {
                node.put("suite", s.suite());
            }
        });
        ArrayNode sched = root.putArray("schedulers");
        schedulers.forEach(sched::add);
        ArrayNode late = root.putArray("late");
        lates.forEach(l -> late.add(l.label()));
        ArrayNode load = root.putArray("loads");
        loads.forEach(l -> load.add(Decimals.plain(l)));
        ArrayNode seed = root.putArray("seeds");
        seeds.forEach(seed::add);
        root.put("horizonNs", horizonNs);
        root.put("average", Decimals.plain(averageFrom) + ":" + Decimals.plain(averageTo));
        return JsonPrinter.print(root);
    }

    /** Reads a manifest written by {@link #manifestJson}. */
    public static SweepPlan readManifest(Path file) {
        return JsonInputs.read(file, ManifestJson.class, FORMAT).toDomain();
    }

    /** The manifest as written. Loads are texts so that they read back as the very doubles the cells name. */
    record ManifestJson(String format, List<ScenarioJson> scenarios, List<String> schedulers, List<String> late, List<String> loads,
                        List<Long> seeds, Long horizonNs, String average) implements JsonInputs.Checked {
        @Override
        public SweepPlan toDomain() {
            if (scenarios == null || schedulers == null || late == null || loads == null || seeds == null || horizonNs == null || average == null) {
                throw new DomainException(null, "The manifest lacks a field; it needs format, scenarios, schedulers, late, loads, seeds, horizonNs and average");
            }
            if (scenarios.stream().anyMatch(s -> s == null || s.name() == null || s.inputs() == null)) {
                throw new DomainException("scenarios", "A scenario of the manifest lacks its name or inputs digest");
            }
            List<ScenarioKey> keys = scenarios.stream().map(s -> new ScenarioKey(s.name(), s.inputs(), s.suite())).toList();
            List<LatePolicy> policies = late.stream().map(LatePolicy::parse).toList();
            double[] range = Sweep.parseRange(average);
            List<Double> levels;
            try {
                levels = loads.stream().map(Double::parseDouble).toList();
            } catch (NumberFormatException e) {
                throw new DomainException("loads", "A load of the manifest is not a number: " + e.getMessage());
            }
            return new SweepPlan(keys, schedulers, policies, levels, seeds, horizonNs, range[0], range[1]);
        }
    }

    /** A scenario of the manifest. */
    record ScenarioJson(String name, String inputs, String suite) {
    }
}
