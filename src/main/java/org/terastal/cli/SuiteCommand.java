package org.terastal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.terastal.domain.Dataflow;
import org.terastal.domain.DomainException;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.io.AtomicFolders;
import org.terastal.io.json.InstanceFiles;
import org.terastal.scenario.suite.Suite;
import org.terastal.scenario.suite.Suite.SuiteSet;
import org.terastal.scenario.suite.SuiteGenerator;
import org.terastal.scenario.suite.SuiteManifest;
import org.terastal.scenario.suite.SuiteSettings;
import org.terastal.scenario.suite.SuiteSettings.IntRange;
import org.terastal.scenario.suite.SuiteSettings.Range;
import org.terastal.scenario.suite.Suites;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terastal suite}: a folder of random task sets drawn from a pool of models
 * ({@link SuiteGenerator}). A bad setting is one line naming the option, exit code 2, and nothing
 * is written; a bad input file is one line naming the file, exit code 1.
 */
@Command(name = "suite", description = {
        "Draw a suite of random task sets from a pool of models, for evaluating schedulers over many workloads.",
        "Each set: a number of tasks (--tasks) whose models are drawn uniformly from the pool, utilisation shares by",
        "UUniFast-discard (Bini and Buttazzo 2005), rates scaled so that the busiest engine's fastest-engine load is --target.",
        "Writes DIR/NAME-0000.json, ... (instances) and DIR/suite.json (manifest, terastal-suite/1) as a whole;",
        "the same settings and seed give the same bytes. See docs/scenarios.md."})
final class SuiteCommand implements Callable<Integer> {
    @Option(names = "--name", paramLabel = "NAME", description = "Suite name; set 7 is the instance NAME-0007 (required).")
    String name;

    @Option(names = "--platform", paramLabel = "FILE",
            description = "MAESTRO hardware file (.m, with --dataflows) or instance file (.json) whose platform is reused (required).")
    Path platformFile;

    @Option(names = "--dataflows", split = ",", paramLabel = "DATAFLOW",
            description = "Dataflow of each accelerator of a MAESTRO hardware file, in order, of ${COMPLETION-CANDIDATES}, e.g. WS,OS.")
    List<Dataflow> dataflows;

    @Option(names = "--model", paramLabel = "FILE", description = "A model file (terastal-model/1) of the pool; repeat for each model.")
    List<Path> modelFiles = new ArrayList<>();

    @Option(names = "--pool", paramLabel = "DIR",
            description = "Every *.json model file directly in DIR (not in its subfolders), in name order, joins the pool before the --model files.")
    Path poolDir;

    @Option(names = "--latency", paramLabel = "CSV",
            description = "Latency table (CSV) covering every pool model, instead of the built-in cost model.")
    Path latencyFile;

    @Option(names = "--sets", paramLabel = "N", description = "Number of task sets (default: 100).")
    String sets;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (required); set i depends on the seed and i alone.")
    String seed;

    @Option(names = "--tasks", paramLabel = "MIN:MAX", description = "Tasks per set, drawn uniformly; one number for exactly that many (default: 2:6).")
    String tasks;

    @Option(names = "--target", paramLabel = "X", description = "Fastest-engine load of the busiest engine in every set (default: 1.25).")
    String target;

    @Option(names = "--fps", paramLabel = "MIN:MAX", description = "Admissible frame rates; a set with a rate outside is drawn again (default: 1:120).")
    String fps;

    @Option(names = "--jitter", paramLabel = "F", description = "Release jitter of a periodic task as a fraction of its period, in [0, 1] (default: 0.05).")
    String jitter;

    @Option(names = "--deadline", paramLabel = "MIN:MAX",
            description = "Relative deadline as a fraction of the period, drawn uniformly (default: 1:1, implicit deadlines).")
    String deadline;

    @Option(names = "--cascade", paramLabel = "P",
            description = "Chance that a task after the first runs as a cascade child of an earlier periodic task, in [0, 1] (default: 0).")
    String cascade;

    @Option(names = "--cascade-probability", paramLabel = "MIN:MAX",
            description = "Firing probability of a cascade, drawn uniformly, within (0, 1] (default: 0.5:1).")
    String cascadeProbability;

    @Option(names = "--max-task-util", paramLabel = "U",
            description = "Largest utilisation of one task; a set with a task above it is drawn again (default: 1).")
    String maxTaskUtil;

    @Option(names = "--force", description = "Replace an existing non-empty output folder, if terastal suite wrote it (it holds suite.json).")
    boolean force;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder to write (required).")
    Path output;

    @Spec
    CommandSpec spec;

    /** Command-line option of each setting, for messages. */
    private static final Map<String, String> OPTIONS = Map.ofEntries(Map.entry("name", "--name"), Map.entry("pool", "--model/--pool"),
            Map.entry("platform", "--platform"), Map.entry("latency", "--latency"), Map.entry("sets", "--sets"), Map.entry("tasks", "--tasks"),
            Map.entry("target", "--target"), Map.entry("fps", "--fps"), Map.entry("jitter", "--jitter"), Map.entry("deadline", "--deadline"),
            Map.entry("cascade", "--cascade"), Map.entry("cascadeProbability", "--cascade-probability"),
            Map.entry("maxTaskUtil", "--max-task-util"));

    /** A bad setting: one line naming the option, exit code 2. */
    private static final class Setting extends RuntimeException {
        private final String option;

        Setting(String option, String message) {
            super(message);
            this.option = option;
        }
    }

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, () -> {
            try {
                return suite();
            } catch (Setting e) {
                return CommandErrors.usage(spec, e.option + ": " + e.getMessage());
            }
        });
    }

    private int suite() {
        required(name, "--name", "the sets are named after the suite; maybe --name random-six");
        required(seed, "--seed", "the same settings and seed give the same suite; maybe --seed 1");
        required(platformFile, "--platform", "maybe --platform platforms/Dual_4K.m --dataflows WS,OS");
        required(output, "-o", "the folder to write; maybe -o out/suite");
        if (poolDir == null && modelFiles.isEmpty()) {
            throw new Setting("--model/--pool", "The pool (empty) has no models; maybe --pool models or --model models/resnet50.json");
        }
        long seedValue = whole("--seed", "seed", seed, Long.MIN_VALUE, Long.MAX_VALUE, "1");
        int setCount = sets == null ? SuiteSettings.DEFAULT_SETS : (int) whole("--sets", "sets", sets, 1, SuiteSettings.MAX_SETS, "100");
        checkOutput();
        Platform platform = ComposeCommand.platform(spec, existing(platformFile, "--platform", "platform file"), dataflows);
        List<Model> pool = pool();
        LatencyTable latency = latency(pool, platform);
        SuiteSettings.Builder builder = SuiteSettings.builder(name, pool, platform, latency, seedValue).sets(setCount);
        if (tasks != null) {
            double[] r = range("--tasks", "tasks", tasks, "2:6");
            if (r[0] != Math.rint(r[0]) || r[1] != Math.rint(r[1]) || Math.abs(r[0]) > SuiteSettings.MAX_TASKS
                    || Math.abs(r[1]) > SuiteSettings.MAX_TASKS) {
                throw new Setting("--tasks", "The tasks (" + tasks + ") are not whole numbers from 1 to " + SuiteSettings.MAX_TASKS + "; maybe 2:6");
            }
            builder.tasks(new IntRange((int) r[0], (int) r[1]));
        }
        if (target != null) {
            builder.target(number("--target", "target", target, "1.25"));
        }
        if (fps != null) {
            builder.fps(toRange(range("--fps", "fps", fps, "1:120")));
        }
        if (jitter != null) {
            builder.jitter(number("--jitter", "jitter", jitter, "0.05"));
        }
        if (deadline != null) {
            builder.deadline(toRange(range("--deadline", "deadline", deadline, "0.8:1")));
        }
        if (cascade != null) {
            builder.cascade(number("--cascade", "cascade", cascade, "0.3"));
        }
        if (cascadeProbability != null) {
            builder.cascadeProbability(toRange(range("--cascade-probability", "cascade probability", cascadeProbability, "0.5:1")));
        }
        if (maxTaskUtil != null) {
            builder.maxTaskUtil(number("--max-task-util", "max task utilisation", maxTaskUtil, "1"));
        }
        Suite suite;
        try {
            suite = SuiteGenerator.generate(builder.build());
        } catch (DomainException e) {
            throw new Setting(OPTIONS.getOrDefault(e.path(), "--" + e.path()), e.getMessage());
        }
        Suites.write(output, suite, force);
        summary(suite, spec.commandLine().getOut());
        return 0;
    }

    private void summary(Suite suite, PrintWriter out) {
        SuiteSettings s = suite.settings();
        DoubleSummaryStatistics busiest = suite.sets().stream().mapToDouble(SuiteSet::busiestLoad).summaryStatistics();
        DoubleSummaryStatistics bound = suite.sets().stream().mapToDouble(SuiteSet::balancedBound).filter(b -> !Double.isNaN(b))
                .summaryStatistics();
        DoubleSummaryStatistics utilisation = suite.sets().stream().mapToDouble(SuiteSet::utilisation).summaryStatistics();
        String bounds = bound.getCount() == 0 ? "no balanced bound (it needs exactly two accelerators)"
                : String.format(Locale.ROOT, "balanced bound %.4f to %.4f", bound.getMin(), bound.getMax());
        out.printf(Locale.ROOT, "Wrote %s: %d task sets (%d tasks, %s a set) drawn from a pool of %d models on %s under %s, seed %d, "
                        + "with %d redraws (%s). Busiest-engine fastest-engine load %.4f to %.4f (target %s); %s; summed task utilisation "
                        + "%.3f to %.3f. Manifest: %s.%n",
                output, suite.sets().size(), suite.tasks(), s.tasks().min() == s.tasks().max() ? Integer.toString(s.tasks().min())
                        : s.tasks().min() + " to " + s.tasks().max(), s.pool().size(), s.platform().name(), s.latency().source(), s.seed(),
                suite.redraws(), SuiteGenerator.METHOD, busiest.getMin(), busiest.getMax(), s.target(),
                bounds, utilisation.getMin(), utilisation.getMax(), output.resolve(SuiteManifest.FILE));
        out.flush();
    }

    /** An existing non-empty output folder is replaced only with --force, and only when a suite was written there. */
    private void checkOutput() {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new Setting("-o", "The output (" + output + ") is a file, not a folder; maybe another -o");
        }
        if (AtomicFolders.isAbsentOrEmpty(output)) {
            return;
        }
        if (!force) {
            throw new Setting("-o", "The output folder (" + output + ") exists and is not empty; maybe --force to replace it, or another -o");
        }
        if (!Files.isRegularFile(output.resolve(SuiteManifest.FILE))) {
            throw new Setting("-o", "The output folder (" + output + ") holds no " + SuiteManifest.FILE + "; --force replaces only a folder "
                    + "terastal suite wrote; maybe another -o");
        }
    }

    /** The pool: the *.json files directly in --pool, by name, then the --model files. */
    private List<Model> pool() {
        List<Path> files = new ArrayList<>();
        if (poolDir != null) {
            if (!Files.isDirectory(poolDir)) {
                throw new Setting("--pool", "The pool folder (" + poolDir + ") does not exist or is not a folder; maybe --pool models");
            }
            try (Stream<Path> entries = Files.list(poolDir)) {
                List<Path> found = entries.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                        .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
                if (found.isEmpty()) {
                    throw new Setting("--pool", "The pool folder (" + poolDir + ") holds no *.json model files; maybe --pool models");
                }
                files.addAll(found);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the pool folder " + poolDir + ": " + e.getMessage(), e);
            }
        }
        for (Path file : modelFiles) {
            files.add(existing(file, "--model", "model file"));
        }
        List<Model> models = files.stream().map(InstanceFiles::readModel).toList();
        try {
            return SuiteSettings.checkPool(models);
        } catch (DomainException e) {
            throw new Setting("--model/--pool", e.getMessage());
        }
    }

    private LatencyTable latency(List<Model> pool, Platform platform) {
        if (latencyFile != null) {
            existing(latencyFile, "--latency", "latency table");
        }
        try {
            return LatencyInputs.forInstance(SuiteSettings.poolInstance(pool, platform), latencyFile);
        } catch (IllegalArgumentException e) {
            throw new Setting(latencyFile == null ? "--platform" : "--latency", e.getMessage());
        }
    }

    private static Path existing(Path file, String option, String what) {
        if (!Files.isRegularFile(file)) {
            throw new Setting(option, "The " + what + " (" + file + ") does not exist or is not a file; maybe check the path");
        }
        return file;
    }

    private static void required(Object value, String option, String why) {
        if (value == null) {
            throw new Setting(option, "The option is required: " + why);
        }
    }

    private static long whole(String option, String field, String text, long min, long max, String example) {
        String what = min == Long.MIN_VALUE ? "a whole number" : "a whole number from " + min + " to " + max;
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new Setting(option, "The " + field + " (" + text + ") must be " + what + "; maybe " + example);
    }

    private static double number(String option, String field, String text, String example) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new Setting(option, "The " + field + " (" + text + ") is not a number; maybe " + example);
        }
    }

    /** MIN:MAX, or one number N for N:N. */
    private static double[] range(String option, String field, String text, String example) {
        String[] parts = text.split(":", -1);
        try {
            if (parts.length == 1) {
                double v = Double.parseDouble(parts[0].trim());
                return new double[] {v, v};
            }
            if (parts.length == 2) {
                return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new Setting(option, "The " + field + " (" + text + ") is not MIN:MAX (or one number); maybe " + example);
    }

    private static Range toRange(double[] r) {
        return new Range(r[0], r[1]);
    }
}
