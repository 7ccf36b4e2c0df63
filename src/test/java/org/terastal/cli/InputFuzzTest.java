package org.terastal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.cli.CliTest.Run;
import org.terastal.costmodel.Calibration;
import org.terastal.io.InputException;

/**
 * Seeded fuzzing of every input the toolkit reads, each through the command that reads it, as the
 * {@code terastal} script runs it. Every case starts from a valid file (a shipped one, or one the
 * toolkit wrote) and mutates it in one of two ways:
 * <ul>
 * <li><b>invalid</b>: a change that must make the input wrong (truncated, empty or binary file,
 * unknown or missing field, a value of the wrong type or out of its range, a row of the wrong
 * width, a duplicate key); the command must fail with exit code 1, one line on stderr naming the
 * file, no stack trace and no output;</li>
 * <li><b>random</b>: byte flips, inserted and deleted characters, repeated, swapped and dropped
 * lines, numbers replaced by awkward ones; whatever the file has become, the command must not
 * crash: no stack trace, an exit code of the contract (0, 1, 2), one line on stderr and no output
 * when it fails, and a JSON input it accepts must be well-formed JSON.</li>
 * </ul>
 * The seed is random per run and printed in every failure; {@code -Dfuzz.seed=N} replays a run and
 * {@code -Dfuzz.cases=N} sets the cases per input and kind (docs/commands.md).
 */
class InputFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    private static final int CASES = Integer.getInteger("fuzz.cases", 20);
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final String INSTANCE = "instances/skewed-vision.json";
    private static final Pattern STACK_TRACE = Pattern.compile("\tat |Caused by|java\\.|\\b[A-Z]\\w*(Exception|Error)\\b");
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @TempDir
    static Path dir;

    /** Folders of valid inputs that the cases copy and mutate, written once. */
    private static Path fixtures;

    @BeforeAll
    static void fixtures() throws IOException {
        System.out.println("InputFuzzTest: seed " + SEED + ", " + CASES + " cases per input and kind (replay with -Dfuzz.seed=" + SEED + ")");
        fixtures = Files.createDirectories(dir.resolve("fixtures"));
        copyInto("instance", INSTANCE);
        copyInto("model", "models/resnet50.json");
        copyInto("solution", "solutions/skewed-vision.json");
        copyInto("latency", "latency/six-models-maestro-dual2048.csv");
        copyInto("maestro-model", "src/test/resources/maestro/AR_gaming.m");
        copyInto("maestro-hw", "platforms/Dual_4K.m");
        copyInto("calibration", "src/test/resources/calibration/xrbench-maestro.csv");
        // a sweep of one scenario, the way the shipped ones are written, but of milliseconds
        Files.createDirectories(fixtures.resolve("sweep"));
        Files.writeString(fixtures.resolve("sweep/sweep.json"), sweep("""
                "scenarios": [
                  {"instance": "%s", "solution": "%s", "latency": "%s"}
                ]""".formatted(REPO.resolve(INSTANCE), REPO.resolve("solutions/skewed-vision.json"),
                REPO.resolve("latency/six-models-maestro-dual2048.csv")), "\"edf\""));
        ok(CliTest.run("suite", "--name", "s", "--platform", "platforms/Dual_4K.m", "--dataflows", "WS,OS", "--pool", "models", "--seed",
                "1", "--sets", "2", "--tasks", "2:2", "-o", fixtures.resolve("suite/suite").toString()));
        Files.writeString(fixtures.resolve("suite/sweep.json"), sweep("\"suites\": [{\"suite\": \"suite\"}]", "\"edf\""));
        // results folders of a scenario sweep and of a suite sweep, for merge and report
        Path results = fixtures.resolve("results");
        Files.writeString(dir.resolve("results.json"), Files.readString(fixtures.resolve("sweep/sweep.json"))
                .replace("[\"edf\"]", "[\"edf\", \"terastal\"]"));
        ok(CliTest.run("experiment", dir.resolve("results.json").toString(), "--jobs", "1", "--trace-window", "0:10ms", "-o",
                results.toString()));
        copyTree(results.resolve("cells"), fixtures.resolve("merge/cells"));
        Files.copy(results.resolve("sweep-manifest.json"), fixtures.resolve("merge/sweep-manifest.json"));
        Files.writeString(dir.resolve("suite-results.json"), Files.readString(fixtures.resolve("suite/sweep.json"))
                .replace("\"suite\": \"suite\"", "\"suite\": \"" + fixtures.resolve("suite/suite") + "\"")
                .replace("[\"edf\"]", "[\"edf\", \"terastal\"]"));
        ok(CliTest.run("experiment", dir.resolve("suite-results.json").toString(), "--jobs", "1", "-o",
                fixtures.resolve("suite-results").toString()));
    }

    private static String sweep(String workloads, String schedulers) {
        return """
                {
                  "format": "terastal-sweep/1",
                  %s,
                  "schedulers": [%s],
                  "seeds": [1],
                  "loads": [1.0],
                  "late": ["drop"],
                  "horizon": "10ms",
                  "average": "1.0:1.0"
                }
                """.formatted(workloads, schedulers);
    }

    private static void copyInto(String fixture, String file) throws IOException {
        Path to = Files.createDirectories(fixtures.resolve(fixture)).resolve(Path.of(file).getFileName());
        Files.copy(REPO.resolve(file), to);
    }

    private static void ok(Run r) {
        assertEquals(0, r.code(), r.out() + r.err());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    // ---------------------------------------------------------------- the inputs and their commands

    /** How a file is mutated into a surely invalid one. */
    private enum Syntax {
        JSON, CSV, MAESTRO, CELL
    }

    /** Runs the command that reads the fixture copied to {@code in}, writing to {@code out}. */
    private interface Command {
        Run run(Path in, Path out);
    }

    /**
     * One input format: the fixture folder, the files in it to mutate, the command that reads them,
     * and the rules of surely invalid values (field, column or key name to values that are out of
     * its range or of the wrong type); {@code required}: the JSON fields, CSV columns or MAESTRO keys
     * that must be there (no CSV columns: all of them; {@code duplicate}: a repeated row is refused);
     * {@code maps}: the JSON fields that hold maps (any key goes), or the MAESTRO text after which an
     * unknown key is put.
     */
    private record Target(String name, Syntax syntax, String fixture, List<String> files, Command command,
            Map<String, List<String>> bad, Set<String> required, Set<String> maps) {
    }

    private static Run cli(String... args) {
        return CliTest.run(args);
    }

    private static String s(Path p) {
        return p.toString();
    }

    private static final List<String> DIMENSION = List.of("0", "-1", "1048577", "1e300", "1.5", "\"3\"", "2147483648", "null", "true");
    private static final List<String> TIME = List.of("-1", "10000000000001", "1.5", "1e300", "9223372036854775808", "\"0\"", "{}");
    private static final List<String> NAME = List.of("\"../x\"", "\"\"", "\"a b\"", "7", "[]");

    private static final Map<String, List<String>> MODEL_RULES = Map.ofEntries(
            Map.entry("N", DIMENSION), Map.entry("K", DIMENSION), Map.entry("C", DIMENSION), Map.entry("Y", DIMENSION),
            Map.entry("X", DIMENSION), Map.entry("R", DIMENSION), Map.entry("S", DIMENSION), Map.entry("stride", DIMENSION.stream().filter(v -> !v.equals("null")).toList()),
            Map.entry("pad", List.of("-1", "1048577", "0.5", "\"1\"")),
            Map.entry("type", List.of("\"POOL\"", "\"\"", "3")),
            Map.entry("accuracyFloor", List.of("0", "-0.5", "1.5", "1e300", "\"0.9\"")),
            Map.entry("r", List.of("1", "0", "-2", "1025", "2.5")),
            Map.entry("higherIsBetter", List.of("\"yes\"", "1")),
            Map.entry("layer", List.of("\"no_such_layer\"", "1")),
            Map.entry("format", List.of("\"terastal-other/1\"", "\"\"", "1")));

    private static final Map<String, List<String>> INSTANCE_RULES = merge(MODEL_RULES, Map.ofEntries(
            Map.entry("id", NAME),
            Map.entry("numPes", List.of("0", "-1", "16777217", "1.5", "1e300")),
            Map.entry("clockMhz", List.of("0", "-1", "1000001", "1e300", "\"1000\"")),
            Map.entry("nocBandwidth", List.of("0", "-1", "16777217")),
            Map.entry("offchipBandwidth", List.of("0", "16777217")),
            Map.entry("globalBufferBytes", List.of("-1", "1125899906842625", "1.5")),
            Map.entry("localMemoryBytes", List.of("-1", "1e300")),
            Map.entry("dataflow", List.of("\"XX\"", "\"\"", "1")),
            Map.entry("fps", List.of("0", "-1", "1e300", "1e-300", "0.0001", "1000001", "\"30\"", "null")),
            Map.entry("deadlineNs", TIME), Map.entry("offsetNs", TIME), Map.entry("jitterNs", TIME),
            Map.entry("weight", List.of("0", "-1", "1e300", "\"1\"")),
            Map.entry("model", List.of("\"no_such_model\"", "1"))));

    private static final Set<String> MODEL_REQUIRED = Set.of("format", "id", "accuracyFloor", "layers", "name", "type", "N", "K", "C", "Y",
            "X", "R", "S", "layer", "r", "metric", "higherIsBetter", "rows", "variants", "value");

    private static Map<String, List<String>> merge(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, List<String>> m = new java.util.HashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static List<Target> targets() {
        List<Target> t = new ArrayList<>();
        t.add(new Target("instance (info)", Syntax.JSON, "instance", List.of("skewed-vision.json"),
                (in, out) -> cli("info", s(in.resolve("skewed-vision.json"))), INSTANCE_RULES,
                union(MODEL_REQUIRED, Set.of("platform", "models", "tasks", "accelerators", "dataflow", "numPes", "clockMhz", "nocBandwidth",
                        "offchipBandwidth", "globalBufferBytes", "localMemoryBytes", "model", "fps")), Set.of()));
        t.add(new Target("instance (simulate)", Syntax.JSON, "instance", List.of("skewed-vision.json"),
                (in, out) -> cli("simulate", s(in.resolve("skewed-vision.json")), "--scheduler", "edf", "--horizon", "5ms", "-o", s(out)),
                INSTANCE_RULES, Set.of("platform", "models", "tasks", "fps", "layers"), Set.of()));
        t.add(new Target("model (compose)", Syntax.JSON, "model", List.of("resnet50.json"),
                (in, out) -> cli("compose", "--name", "x", "--platform", "platforms/Dual_4K.m", "--dataflows", "WS,OS", "--model",
                        s(in.resolve("resnet50.json")), "--task", "resnet50@10", "-o", s(out)),
                MODEL_RULES, MODEL_REQUIRED, Set.of()));
        Map<String, List<String>> solutionRules = Map.ofEntries(
                Map.entry("format", List.of("\"terastal-instance/1\"", "2")),
                Map.entry("instanceChecksum", List.of("\"sha256:00\"", "\"\"", "1")),
                Map.entry("status", List.of("\"BOGUS\"", "1")),
                Map.entry("home", List.of("\"zz\"", "0")),
                Map.entry("implementation", List.of("\"BOGUS\"", "\"variant\"", "1")),
                Map.entry("budgetNs", List.of("-1", "1.5", "\"5\"", "1e300")),
                Map.entry("deadlineOffsetNs", List.of("-1", "1.5", "\"5\"")),
                Map.entry("model", List.of("\"no_such_model\"")),
                Map.entry("layer", List.of("\"no_such_layer\"")),
                Map.entry("flexible", List.of("\"yes\"", "1")),
                Map.entry("gap", List.of("\"x\"", "-1")),
                Map.entry("accelerators", List.of("\"zz\"")));
        Set<String> solutionRequired = Set.of("format", "instanceChecksum", "models", "model", "layers", "layer", "home", "implementation",
                "budgetNs");
        t.add(new Target("solution (check)", Syntax.JSON, "solution", List.of("skewed-vision.json"),
                (in, out) -> cli("check", INSTANCE, s(in.resolve("skewed-vision.json"))), solutionRules, solutionRequired,
                Set.of("parameters", "objective", "bound")));
        t.add(new Target("solution (simulate)", Syntax.JSON, "solution", List.of("skewed-vision.json"),
                (in, out) -> cli("simulate", INSTANCE, "--scheduler", "terastal", "--solution", s(in.resolve("skewed-vision.json")),
                        "--horizon", "5ms", "-o", s(out)), solutionRules, solutionRequired, Set.of("parameters", "objective", "bound")));
        t.add(new Target("latency table (info --latency)", Syntax.CSV, "latency", List.of("six-models-maestro-dual2048.csv"),
                (in, out) -> cli("info", "instances/balanced-six.json", "--latency", s(in.resolve("six-models-maestro-dual2048.csv"))),
                Map.of("latency_ns", List.of("abc", "0", "-1", "1.5", "1e300", "99999999999999999999", "NaN", "", "1000000000001"),
                        "implementation", List.of("bogus", ""), "accelerator", List.of("zz", ""), "layer", List.of("no_such_layer", "")),
                Set.of("model", "layer", "implementation", "accelerator", "latency_ns", "duplicate"), Set.of()));
        t.add(new Target("MAESTRO model (import)", Syntax.MAESTRO, "maestro-model", List.of("AR_gaming.m"),
                (in, out) -> cli("import", "--model", s(in.resolve("AR_gaming.m")), "--hw", "platforms/Dual_4K.m", "--dataflows", "WS,OS",
                        "-o", s(out)),
                Map.ofEntries(Map.entry("N", DIMENSION_M), Map.entry("K", DIMENSION_M), Map.entry("C", DIMENSION_M),
                        Map.entry("Y", DIMENSION_M), Map.entry("X", DIMENSION_M), Map.entry("R", DIMENSION_M), Map.entry("S", DIMENSION_M),
                        Map.entry("FPS", List.of("0", "-1", "abc", "1e300", "1000001")), Map.entry("Type", List.of("POOL", "1"))),
                Set.of("N", "K", "C", "Y", "X", "R", "S"), Set.of("Dimensions: {")));
        t.add(new Target("MAESTRO hardware (import)", Syntax.MAESTRO, "maestro-hw", List.of("Dual_4K.m"),
                (in, out) -> cli("import", "--model", "src/test/resources/maestro/AR_gaming.m", "--hw", s(in.resolve("Dual_4K.m")),
                        "--dataflows", "WS,OS", "-o", s(out)),
                Map.of("num_pes", List.of("0", "-1", "abc", "16777217", "1.5"), "top_noc_bw", List.of("0", "-1", "abc", "16777217"),
                        "offchip_bw", List.of("0", "abc"), "global_shared_memory", List.of("-1", "abc", "99999999999999999999"),
                        "PE_local_memory", List.of("-1", "abc"), "top_noc_multicast", List.of("Maybe", "2")),
                Set.of("num_pes"), Set.of("Accelerator Acc0_2K {")));
        Map<String, List<String>> sweepRules = Map.of(
                "format", List.of("\"terastal-sweep/2\"", "\"\"", "1"),
                "schedulers", List.of("\"bogus\"", "1", "null"),
                "seeds", List.of("1.5", "\"x\"", "null"),
                "loads", List.of("\"1:0:0.1\"", "0", "-1", "101", "\"x\"", "1e300"),
                "late", List.of("\"bogus\"", "1"),
                "horizon", List.of("\"10\"", "\"-1s\"", "\"1e300s\"", "5", "\"200000s\"", "\"\""),
                "average", List.of("\"2:1\"", "\"x\"", "1"));
        t.add(new Target("sweep (experiment)", Syntax.JSON, "sweep", List.of("sweep.json"),
                (in, out) -> cli("experiment", s(in.resolve("sweep.json")), "--jobs", "1", "-o", s(out)), sweepRules,
                Set.of("format", "instance"), Set.of()));
        t.add(new Target("suite (experiment)", Syntax.JSON, "suite", List.of("suite/suite.json", "suite/s-0000.json"),
                (in, out) -> cli("experiment", s(in.resolve("sweep.json")), "--jobs", "1", "-o", s(out)),
                merge(MODEL_RULES, Map.of(
                        "checksum", List.of("\"sha256:00\"", "1"),
                        "file", List.of("\"../x.json\"", "\"s-0001.json\"", "1"),
                        "index", List.of("1.5", "\"0\""),
                        "sets", List.of("\"2\"", "1.5"),
                        "seed", List.of("1.5", "\"1\""),
                        "periodNs", List.of("1.5", "\"1\""),
                        "busiest", List.of("1", "[]"),
                        "redraws", List.of("1.5", "null"))),
                Set.of("format", "name", "settings", "platform", "sets", "file", "checksum"), Set.of("preferredLoad")));
        t.add(new Target("cells and manifest (merge)", Syntax.CELL, "merge", List.of("sweep-manifest.json",
                "cells/skewed-vision__edf__drop__load1__seed1.csv", "cells/skewed-vision__terastal__drop__load1__seed1.csv"),
                (in, out) -> cli("merge", s(in), "-o", s(out)), Map.of(), Set.of(), Set.of()));
        t.add(new Target("results folder (report)", Syntax.CSV, "results", List.of("metrics.csv", "traces/index.csv",
                "traces/skewed-vision/drop/edf.responses.csv", "traces/skewed-vision/drop/terastal.timeline.csv"),
                (in, out) -> cli("report", s(in), "-o", s(out)),
                Map.of("value", List.of("abc", "1e", "-"), "seed", List.of("x", "1.5"), "load", List.of("x", "-1"),
                        "response_ns", List.of("x", "-1", "1.5"), "quantile", List.of("x", "2", "-0.5"),
                        "start_ns", List.of("x", "-1"), "end_ns", List.of("x"), "window_from_ns", List.of("x", "-1")),
                Set.of(), Set.of()));
        t.add(new Target("suite results (report)", Syntax.CSV, "suite-results", List.of("suite-stats.csv", "suite-paired.csv"),
                (in, out) -> cli("report", s(in), "-o", s(out)),
                Map.of("mean", List.of("x", "NaN"), "sets", List.of("x", "-1", "1.5"), "wins", List.of("x", "-1"),
                        "n", List.of("x", "-1"), "low", List.of("x"), "tie_margin", List.of("x")),
                Set.of(), Set.of()));
        t.add(new Target("calibration table (Calibration.read)", Syntax.CSV, "calibration", List.of("xrbench-maestro.csv"),
                (in, out) -> calibration(in.resolve("xrbench-maestro.csv")),
                Map.of("N", List.of("x", "0", "-1", "1.5", "99999999999"), "K", List.of("x", "0"), "type", List.of("POOL", ""),
                        "num_pes", List.of("x", "0", "-5"), "ws_cycles", List.of("x", "-1", "1.5"), "stride", List.of("0", "x")),
                Set.of("model", "layer", "type", "N", "K", "C", "Y", "X", "R", "S", "stride", "pad", "num_pes", "noc_bw"), Set.of()));
        return t;
    }

    private static final List<String> DIMENSION_M = List.of("0", "-1", "abc", "1e300", "99999999999999999999", "1.5", "1048577");

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** The calibration table is read by the calibration figures, not by a command: its reader, shaped as a command's run. */
    private static Run calibration(Path file) {
        try {
            Calibration.read(file);
            return new Run(0, "", "");
        } catch (InputException e) {
            return new Run(1, "", "terastal calibration: " + e.getMessage() + "\n");
        }
    }

    // ---------------------------------------------------------------- the tests

    @TestFactory
    Stream<DynamicTest> invalidInputsAreRefusedInOneLineNamingTheFile() {
        return targets().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            everyCase(i -> invalidCase(t, i));
        }));
    }

    @TestFactory
    Stream<DynamicTest> randomlyMutatedInputsNeverCrashTheCommand() {
        return targets().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            everyCase(i -> randomCase(t, i));
        }));
    }

    /** One fuzz case by its index. */
    private interface FuzzCase {
        void run(int index) throws IOException;
    }

    /** Runs every case, so that one run shows every failure its seed finds, not only the first. */
    private static void everyCase(FuzzCase fuzzCase) throws IOException {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            try {
                fuzzCase.run(i);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + CASES + " cases failed:\n\n" + String.join("\n\n", failures));
    }

    /** One case's folder: a fresh copy of the target's fixture and a path for its output. */
    private record Case(Path in, Path out, Path file, String replay) {
    }

    private static Case prepare(Target t, String kind, int i, Random rnd) throws IOException {
        Path root = Files.createDirectories(dir.resolve("cases").resolve(kind).resolve(t.name().replaceAll("[^a-z]+", "-") + i));
        Path in = root.resolve("in");
        copyTree(fixtures.resolve(t.fixture()), in);
        Path file = in.resolve(t.files().get(rnd.nextInt(t.files().size())));
        String replay = "fuzz seed " + SEED + ", " + kind + " case " + i + " of " + t.name() + " (replay with -Dfuzz.seed=" + SEED
                + " -Dfuzz.cases=" + CASES + ")";
        return new Case(in, root.resolve("out"), file, replay);
    }

    private static Random random(Target t, String kind, int i) {
        return new Random(SEED * 1_000_003L + (t.name() + "/" + kind + "/" + i).hashCode());
    }

    private void invalidCase(Target t, int i) throws IOException {
        Random rnd = random(t, "invalid", i);
        Case c = prepare(t, "invalid", i, rnd);
        byte[] original = Files.readAllBytes(c.file());
        Mutation m = invalidMutation(t, c.file(), original, rnd);
        Files.write(c.file(), m.bytes());
        String why = c.replay() + ": " + c.file().getFileName() + " " + m.what();
        Run r = runSafely(t, c, why);
        noCrash(r, why);
        assertEquals(1, r.code(), why + ": exit code\n" + r.out() + r.err());
        assertEquals(1, r.err().lines().count(), why + ": one line on stderr\n" + r.err());
        assertTrue(r.err().contains(c.file().getFileName().toString()), why + ": the error names the file\n" + r.err());
        assertFalse(Files.exists(c.out()), why + ": nothing written\n" + r.err());
    }

    private void randomCase(Target t, int i) throws IOException {
        Random rnd = random(t, "random", i);
        Case c = prepare(t, "random", i, rnd);
        byte[] bytes = Files.readAllBytes(c.file());
        StringBuilder what = new StringBuilder();
        int mutations = 1 + rnd.nextInt(3);
        for (int k = 0; k < mutations; k++) {
            Mutation m = randomMutation(bytes, rnd);
            bytes = m.bytes();
            what.append(k == 0 ? "" : ", ").append(m.what());
        }
        Files.write(c.file(), bytes);
        String why = c.replay() + ": " + c.file().getFileName() + " " + what;
        Run r = runSafely(t, c, why);
        noCrash(r, why);
        assertTrue(r.code() >= 0 && r.code() <= 2, why + ": exit code " + r.code());
        if (r.code() != 0) {
            assertEquals(1, r.err().lines().count(), why + ": one line on stderr\n" + r.err());
            assertFalse(Files.exists(c.out()), why + ": nothing written\n" + r.err());
        } else if (t.syntax() == Syntax.JSON && c.file().toString().endsWith(".json")) {
            try {
                STRICT_JSON.readTree(bytes);
            } catch (IOException e) {
                fail(why + ": accepted a file that is not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")\n" + r.out());
            }
        }
    }

    private static Run runSafely(Target t, Case c, String why) {
        try {
            return t.command().run(c.in(), c.out());
        } catch (RuntimeException | Error e) {
            throw new AssertionError(why + ": the command threw " + e, e);
        }
    }

    private static void noCrash(Run r, String why) {
        Matcher m = STACK_TRACE.matcher(r.err() + r.out());
        assertFalse(m.find(), why + ": a stack trace or an exception's name (" + (m.hitEnd() ? "" : m.group()) + ")\n" + r.err());
        String prefix = r.err().isEmpty() ? "" : r.err().substring(0, r.err().indexOf(": ") + 2);
        for (String line : r.err().lines().toList()) {
            assertTrue(line.startsWith(prefix) && prefix.startsWith("terastal "), why + ": every stderr line names the command\n" + r.err());
        }
    }

    // ---------------------------------------------------------------- mutations

    /** The mutated bytes and what was done, for the failure message. */
    private record Mutation(byte[] bytes, String what) {
    }

    private static Mutation text(String text, String what) {
        return new Mutation(text.getBytes(StandardCharsets.UTF_8), what);
    }

    private static Mutation invalidMutation(Target t, Path file, byte[] original, Random rnd) throws IOException {
        String text = new String(original, StandardCharsets.UTF_8);
        int choice = rnd.nextInt(12);
        if (choice == 0) {
            return new Mutation(new byte[0], "emptied");
        }
        if (choice == 1) {
            byte[] junk = new byte[1 + rnd.nextInt(200)];
            rnd.nextBytes(junk);
            junk[rnd.nextInt(junk.length)] = 0;
            return new Mutation(junk, "replaced by " + junk.length + " random bytes with a NUL");
        }
        Syntax syntax = file.toString().endsWith(".json") ? Syntax.JSON : t.syntax();
        return switch (syntax) {
            case JSON -> invalidJson(t, text, rnd);
            case CSV -> invalidCsv(t, text, rnd);
            case MAESTRO -> invalidMaestro(t, text, rnd);
            case CELL -> invalidCell(text, rnd);
        };
    }

    // ---- JSON: the tree is changed and written again (one field per line)

    /** A place in a JSON tree holding a value: a field of an object or an element of an array, named by its field. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode value() {
            return index < 0 ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode v) {
            if (index < 0) {
                ((ObjectNode) parent).set(field, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }
    }

    private static void slots(JsonNode node, String field, Set<String> maps, List<Slot> out, List<ObjectNode> objects) {
        if (node.isObject()) {
            if (!maps.contains(field)) {
                objects.add((ObjectNode) node);
            }
            for (var e : node.properties()) {
                out.add(new Slot(node, e.getKey(), -1));
                slots(e.getValue(), e.getKey(), maps, out, objects);
            }
        } else if (node.isArray()) {
            for (int k = 0; k < node.size(); k++) {
                if (!node.get(k).isContainerNode()) {
                    out.add(new Slot(node, field, k));
                }
                slots(node.get(k), field, maps, out, objects);
            }
        }
    }

    private static <T> T pick(List<T> list, Random rnd) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static Mutation invalidJson(Target t, String text, Random rnd) throws IOException {
        ObjectNode root = (ObjectNode) STRICT_JSON.readTree(text);
        List<Slot> slots = new ArrayList<>();
        List<ObjectNode> objects = new ArrayList<>();
        slots(root, "", t.maps(), slots, objects);
        for (int attempt = 0; attempt < 100; attempt++) {
            switch (rnd.nextInt(6)) {
                case 0 -> {
                    int cut = 1 + rnd.nextInt(text.lastIndexOf('}'));
                    return text(text.substring(0, cut), "truncated after " + cut + " characters");
                }
                case 1 -> {
                    List<Slot> bad = slots.stream().filter(s -> s.index() < 0 || !s.value().isContainerNode())
                            .filter(s -> t.bad().containsKey(s.field())).toList();
                    if (!bad.isEmpty()) {
                        Slot s = pick(bad, rnd);
                        String value = pick(t.bad().get(s.field()), rnd);
                        String before = s.value().toString();
                        if (STRICT_JSON.readTree(value).equals(s.value())) {
                            continue; // a bad value for one entry can be another's own (the second set's file name)
                        }
                        s.set(STRICT_JSON.readTree(value));
                        return json(root, s.field() + (s.index() < 0 ? "" : "[" + s.index() + "]") + " " + before + " -> " + value);
                    }
                }
                case 2 -> {
                    ObjectNode o = pick(objects, rnd);
                    o.put("bogusField", 1);
                    return json(root, "unknown field bogusField added next to " + o.properties().iterator().next().getKey());
                }
                case 3 -> {
                    List<Slot> required = slots.stream().filter(s -> s.index() < 0 && t.required().contains(s.field())).toList();
                    if (!required.isEmpty()) {
                        Slot s = pick(required, rnd);
                        ((ObjectNode) s.parent()).remove(s.field());
                        return json(root, "required field " + s.field() + " removed");
                    }
                }
                case 4 -> {
                    String pretty = STRICT_JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
                    List<String> lines = new ArrayList<>(pretty.lines().toList());
                    List<Integer> fields = new ArrayList<>();
                    for (int k = 0; k < lines.size(); k++) {
                        if (lines.get(k).matches("\\s*\"\\w+\" : [^\\[{]*")) {
                            fields.add(k);
                        }
                    }
                    int k = pick(fields, rnd);
                    lines.add(k, lines.get(k).replaceAll(",$", "") + ",");
                    return text(String.join("\n", lines), "field duplicated: " + lines.get(k).strip());
                }
                default -> {
                    List<Slot> scalars = slots.stream().filter(s -> s.index() < 0 && !s.value().isContainerNode())
                            .filter(s -> !t.maps().contains(s.field())).toList();
                    Slot s = pick(scalars, rnd);
                    String before = s.value().toString();
                    JsonNode wrong = s.value().isNumber() ? STRICT_JSON.readTree("\"" + before + "\"")
                            : s.value().isTextual() ? STRICT_JSON.readTree(rnd.nextBoolean() ? "{}" : "[]")
                            : STRICT_JSON.readTree("\"" + before + "\"");
                    s.set(wrong);
                    return json(root, s.field() + " of the wrong type: " + before + " -> " + wrong);
                }
            }
        }
        throw new AssertionError("no invalid mutation of " + t.name());
    }

    private static Mutation json(JsonNode root, String what) throws IOException {
        return text(STRICT_JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", what);
    }

    // ---- CSV: a row of the wrong width, a value out of its column's range, an unknown column

    private static Mutation invalidCsv(Target t, String text, Random rnd) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int header = 0;
        while (lines.get(header).startsWith("#") || lines.get(header).isBlank()) {
            header++;
        }
        List<String> columns = Arrays.asList(lines.get(header).split(",", -1));
        List<Integer> rows = new ArrayList<>();
        for (int k = header + 1; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                rows.add(k);
            }
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            int choice = rnd.nextInt(5);
            if (choice == 0 && !rows.isEmpty()) {
                int k = pick(rows, rnd);
                lines.set(k, rnd.nextBoolean() ? lines.get(k) + ",x" : lines.get(k).substring(0, lines.get(k).lastIndexOf(',')));
                return text(String.join("\n", lines) + "\n", "line " + (k + 1) + " given the wrong number of values");
            }
            if (choice == 1) {
                List<String> required = t.required().isEmpty() ? columns : columns.stream().filter(t.required()::contains).toList();
                int col = columns.indexOf(pick(required, rnd));
                List<String> renamed = new ArrayList<>(columns);
                renamed.set(col, "bogus");
                lines.set(header, String.join(",", renamed));
                return text(String.join("\n", lines) + "\n", "column " + columns.get(col) + " renamed bogus");
            }
            if (choice == 2 && t.required().contains("duplicate") && !rows.isEmpty()) {
                int k = pick(rows, rnd);
                lines.add(k, lines.get(k));
                return text(String.join("\n", lines) + "\n", "line " + (k + 1) + " repeated");
            }
            List<String> bad = columns.stream().filter(t.bad()::containsKey).toList();
            if (!bad.isEmpty() && !rows.isEmpty()) {
                String column = pick(bad, rnd);
                int k = pick(rows, rnd);
                String[] values = lines.get(k).split(",", -1);
                if (values.length != columns.size()) {
                    continue;
                }
                String value = pick(t.bad().get(column), rnd);
                String before = values[columns.indexOf(column)];
                values[columns.indexOf(column)] = value;
                lines.set(k, String.join(",", values));
                return text(String.join("\n", lines) + "\n", "line " + (k + 1) + " " + column + " " + before + " -> '" + value + "'");
            }
        }
        throw new AssertionError("no invalid mutation of " + t.name());
    }

    // ---- MAESTRO: a value out of range, an unknown or missing key, an unclosed block

    private static Mutation invalidMaestro(Target t, String text, Random rnd) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int choice = rnd.nextInt(5);
            if (choice == 0) {
                List<Integer> inside = new ArrayList<>();
                int depth = 0;
                for (int k = 0; k < text.length(); k++) {
                    char ch = text.charAt(k);
                    depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
                    if (depth > 0) {
                        inside.add(k);
                    }
                }
                int cut = pick(inside, rnd) + 1;
                return text(text.substring(0, cut), "truncated after " + cut + " characters, inside a block");
            }
            if (choice == 1) {
                int last = text.lastIndexOf('}');
                return text(text.substring(0, last) + text.substring(last + 1), "last '}' removed");
            }
            if (choice == 2) {
                String at = t.maps().iterator().next();
                List<Integer> places = occurrences(text, at);
                int k = pick(places, rnd) + at.length();
                String insert = at.startsWith("Dimensions") ? " Q: 1," : "\n\tbogus_key: 1";
                return text(text.substring(0, k) + insert + text.substring(k), "unknown key inserted after '" + at + "'");
            }
            List<String> keys = new ArrayList<>(choice == 3 ? t.required() : t.bad().keySet());
            String key = pick(keys, rnd);
            Matcher m = Pattern.compile("\\b" + key + ":\\s*([^,\\s}]+),?\\s?").matcher(text);
            List<int[]> found = new ArrayList<>();
            while (m.find()) {
                found.add(new int[] {m.start(), m.end(), m.start(1), m.end(1)});
            }
            if (found.isEmpty()) {
                continue;
            }
            int[] f = pick(found, rnd);
            if (choice == 3) {
                return text(text.substring(0, f[0]) + text.substring(f[1]), "key " + key + " removed at offset " + f[0]);
            }
            String value = pick(t.bad().get(key), rnd);
            return text(text.substring(0, f[2]) + value + text.substring(f[3]), key + " " + text.substring(f[2], f[3]) + " -> " + value
                    + " at offset " + f[2]);
        }
        throw new AssertionError("no invalid mutation of " + t.name());
    }

    private static List<Integer> occurrences(String text, String part) {
        List<Integer> at = new ArrayList<>();
        for (int k = text.indexOf(part); k >= 0; k = text.indexOf(part, k + 1)) {
            at.add(k);
        }
        return at;
    }

    // ---- cell files: any change of a checksummed file

    private static Mutation invalidCell(String text, Random rnd) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 100; attempt++) {
            Mutation m = randomMutation(bytes, rnd);
            if (!Arrays.equals(m.bytes(), bytes)) {
                return m;
            }
        }
        throw new AssertionError("no change of a cell file");
    }

    // ---- random: whatever the file becomes

    private static final String ALPHABET = "{}[]\",:.-+eE0123456789 \n\t#;/\\abcxyzNKCYXRS_";
    private static final List<String> AWKWARD_NUMBERS = List.of("0", "-1", "1e300", "-1e300", "9223372036854775807", "9223372036854775808",
            "2147483648", "1.5", "1e-9", "NaN", "-0", "0.0", "00", "1e", "", "99999999999999999999999");

    private static Mutation randomMutation(byte[] bytes, Random rnd) {
        int n = bytes.length;
        switch (rnd.nextInt(8)) {
            case 0 -> {
                if (n == 0) {
                    break;
                }
                byte[] b = bytes.clone();
                int at = rnd.nextInt(n);
                int bit = rnd.nextInt(8);
                b[at] ^= (byte) (1 << bit);
                return new Mutation(b, "bit " + bit + " of byte " + at + " flipped");
            }
            case 1 -> {
                int at = rnd.nextInt(n + 1);
                byte[] insert = rnd.nextInt(10) == 0 ? new byte[] {(byte) (0x80 + rnd.nextInt(0x80))}
                        : String.valueOf(ALPHABET.charAt(rnd.nextInt(ALPHABET.length()))).getBytes(StandardCharsets.UTF_8);
                return new Mutation(splice(bytes, at, at, insert), "byte " + (insert[0] & 0xff) + " inserted at " + at);
            }
            case 2 -> {
                if (n == 0) {
                    break;
                }
                int at = rnd.nextInt(n);
                int len = Math.min(n - at, 1 + rnd.nextInt(8));
                return new Mutation(splice(bytes, at, at + len, new byte[0]), len + " bytes deleted at " + at);
            }
            case 3 -> {
                Matcher m = Pattern.compile("-?[0-9][0-9.eE+-]*").matcher(new String(bytes, StandardCharsets.ISO_8859_1));
                List<int[]> numbers = new ArrayList<>();
                while (m.find()) {
                    numbers.add(new int[] {m.start(), m.end()});
                }
                if (numbers.isEmpty()) {
                    break;
                }
                int[] at = pick(numbers, rnd);
                String value = pick(AWKWARD_NUMBERS, rnd);
                return new Mutation(splice(bytes, at[0], at[1], value.getBytes(StandardCharsets.UTF_8)),
                        "number at " + at[0] + " replaced by '" + value + "'");
            }
            case 4 -> {
                int cut = rnd.nextInt(n + 1);
                return new Mutation(Arrays.copyOf(bytes, cut), "truncated to " + cut + " bytes");
            }
            default -> {
                List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1)));
                int a = rnd.nextInt(lines.size());
                int b = rnd.nextInt(lines.size());
                String what;
                switch (rnd.nextInt(3)) {
                    case 0 -> {
                        lines.add(a, lines.get(a));
                        what = "line " + (a + 1) + " repeated";
                    }
                    case 1 -> {
                        lines.remove(a);
                        what = "line " + (a + 1) + " deleted";
                    }
                    default -> {
                        String x = lines.get(a);
                        lines.set(a, lines.get(b));
                        lines.set(b, x);
                        what = "lines " + (a + 1) + " and " + (b + 1) + " swapped";
                    }
                }
                return new Mutation(String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1), what);
            }
        }
        return new Mutation(bytes.clone(), "left as it was");
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] out = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(bytes, to, out, from + insert.length, bytes.length - to);
        return out;
    }
}
