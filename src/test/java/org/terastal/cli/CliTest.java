package org.terastal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.terastal.domain.Instance;
import org.terastal.io.json.InstanceFiles;

class CliTest {
    /** Exit code, standard output and standard error of one in-process run. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static List<Path> instances() throws IOException {
        try (var files = Files.list(Path.of("instances"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("instances")
    void infoOnEveryShippedInstance(Path instance) {
        long start = System.nanoTime();
        Run r = run("info", instance.toString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Load with each layer on its fastest engine"), r.out());
        assertTrue(ms < 2000, "info took " + ms + " ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"skewed-vision", "skewed-xr", "skewed-six", "balanced-six"})
    void sixModelScenariosRunUnderMaestroFigures(String name) {
        Run r = run("info", "instances/" + name + ".json", "--latency", "latency/six-models-maestro-dual2048.csv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Latencies: six-models-maestro-dual2048.csv"), r.out());
    }

    /** Dataflows are printed in lower case everywhere, so they are read in any case. */
    @Test
    void dataflowsAreReadInAnyCase(@TempDir Path dir) {
        Path upper = dir.resolve("upper.json");
        Path lower = dir.resolve("lower.json");
        for (Object[] c : new Object[][] {{"WS,OS", upper}, {"ws,Os", lower}}) {
            Run r = run("compose", "--name", "t", "--platform", "platforms/Dual_4K.m", "--dataflows", (String) c[0], "--model",
                    "models/resnet50.json", "--task", "resnet50@10", "-o", c[1].toString());
            assertEquals(0, r.code(), r.err());
        }
        assertEquals(InstanceFiles.read(upper), InstanceFiles.read(lower));
    }

    @Test
    void skewedScenariosOverloadWsWhileThePairCouldCarryTheLoad() {
        for (String name : List.of("skewed-vision", "skewed-xr", "skewed-six")) {
            for (List<String> latency : List.of(List.<String>of(), List.of("--latency", "latency/six-models-maestro-dual2048.csv"))) {
                List<String> args = new java.util.ArrayList<>(List.of("info", "instances/" + name + ".json"));
                args.addAll(latency);
                String out = run(args.toArray(String[]::new)).out();
                double ws = number(out, "Load with each layer on its fastest engine: ws ");
                double pair = number(out, "no variants): max load ");
                assertTrue(ws > 1.0, name + latency + ": WS load " + ws);
                assertTrue(pair < 1.0, name + latency + ": balanced bound " + pair);
            }
        }
    }

    private static double number(String text, String after) {
        int i = text.indexOf(after) + after.length();
        int j = i;
        while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
            j++;
        }
        return Double.parseDouble(text.substring(i, j));
    }

    @Test
    void latencyTableRoundTripsThroughCsv(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("table.csv");
        assertEquals(0, run("latency", "instances/skewed-vision.json", "-o", csv.toString()).code());
        Run builtin = run("info", "instances/skewed-vision.json");
        Run fromCsv = run("info", "instances/skewed-vision.json", "--latency", csv.toString());
        assertEquals(builtin.out().replace("Latencies: builtin/1", "Latencies: table.csv"), fromCsv.out());
        assertTrue(Files.readString(csv).contains("\nmodel,layer,implementation,accelerator,latency_ns\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AR_gaming", "VR_gaming", "social_interactionA", "social_interactionB"})
    void importRegeneratesTheShippedXrbenchInstances(String scenario, @TempDir Path dir) throws IOException {
        Path shipped = Path.of("instances/xrbench-" + scenario + ".json");
        Instance instance = InstanceFiles.read(shipped);
        Path out = dir.resolve("x.json");
        Run r = run("import", "--model", "src/test/resources/maestro/" + scenario + ".m", "--hw", "platforms/Dual_4K.m",
                "--dataflows", "WS,OS", "--name", instance.name(), "--description", instance.description(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(shipped), Files.readString(out));
    }

    @Test
    void importedCascadeKeepsItsProbability() {
        Instance vr = InstanceFiles.read(Path.of("instances/xrbench-VR_gaming.json"));
        var gaze = vr.tasks().stream().filter(t -> t.id().equals("GE_FBNet_C")).findFirst().orElseThrow();
        assertEquals("ES_RITNet", gaze.dependency().parent());
        assertEquals(1.0, gaze.dependency().probability());
        assertEquals(60.0, gaze.fps());
        assertEquals(List.of("ws", "os"), vr.platform().accelerators().stream().map(a -> a.id()).toList());
    }

    @Test
    void composeRegeneratesAShippedScenario(@TempDir Path dir) throws IOException {
        Path shipped = Path.of("instances/skewed-vision.json");
        Instance instance = InstanceFiles.read(shipped);
        Path out = dir.resolve("x.json");
        Run r = run("compose", "--name", instance.name(), "--description", instance.description(), "--platform",
                "platforms/Dual_4K.m", "--dataflows", "WS,OS", "--model", "models/resnet50.json", "--task", "resnet50@30",
                "--model", "models/inceptionv3.json", "--task", "inceptionv3@15", "--model", "models/swin_tiny.json",
                "--task", "swin_tiny@10", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(shipped), Files.readString(out));
    }

    @Test
    void badInputIsOneLineExitOneAndWritesNothing(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(Path.of("instances/skewed-vision.json")).replaceFirst("\"K\": 64", "\"K\": 0"));
        Path out = dir.resolve("out.csv");
        Run r = run("latency", broken.toString(), "-o", out.toString());
        assertEquals(1, r.code());
        assertEquals("terastal latency: " + broken + ":18:9: The K (0) of layer 'conv1' must be positive (at models[0].layers[0].K)\n",
                r.err());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "a temporary file was left behind");
        }
    }

    @Test
    void latencyTableErrorsNameLineAndColumn(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "model,layer,implementation,accelerator,latency_ns\nresnet50,conv1,original,npu,10\n");
        Run r = run("info", "instances/skewed-vision.json", "--latency", csv.toString());
        assertEquals(1, r.code());
        assertEquals("terastal info: " + csv + ":2:25: The accelerator (npu) is not on platform 'Dual_4K WS+OS'; known accelerators are [ws, os]\n",
                r.err());
        Files.writeString(csv, "model,layer,implementation,accelerator,latency_ns\nresnet50,conv1,original,ws,10\n");
        assertEquals("terastal info: " + csv + ": The latency table misses the original of layer 'conv1' of model 'resnet50' on accelerator 'os'; "
                + "a table must cover every layer of the instance\n", run("info", "instances/skewed-vision.json", "--latency", csv.toString()).err());
    }

    @Test
    void maestroErrorsNameTheFile(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("s.m");
        Files.writeString(model, "Network A {\nFPS: 30\nLayer l1 {\nType: CONV\nDimensions: { N: 1, K: 0, C: 3, Y: 8, X: 8, R: 3, S: 3 }\n}\n}\n");
        Path out = dir.resolve("o.json");
        Run r = run("import", "--model", model.toString(), "--hw", "platforms/Dual_4K.m", "--dataflows", "WS,OS", "-o", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("terastal import: " + model + ":5:"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void wrongFlagIsAUsageError() {
        Run r = run("info", "instances/skewed-vision.json", "--no-such-flag");
        assertEquals(2, r.code());
        assertEquals("terastal info: Unknown option: '--no-such-flag'\n", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "latency", "import", "compose"})
    void everyCommandHasHelp(String command) {
        Run r = run(command, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: terastal " + command), r.out());
    }
}
