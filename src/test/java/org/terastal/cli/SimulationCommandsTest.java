package org.terastal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.io.results.MetricsCsv;
import org.terastal.io.results.SimOutputs;
import org.terastal.sim.Durations;
import org.terastal.testkit.SixModels;
import org.terastal.testkit.SixModels.Share;
import org.terastal.testkit.SolutionHeuristics;
import picocli.CommandLine;

/** The simulate and experiment commands end to end, on a two-model mix of the shipped models. */
class SimulationCommandsTest {
    @TempDir
    Path dir;
    private Path instanceFile;
    private Path solutionFile;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeInstance() {
        Instance mix = SixModels.mix("pair", 1.2, List.of(Share.of("resnet50", 1), Share.of("sp2dense", 1)));
        instanceFile = dir.resolve("pair.json");
        InstanceFiles.write(instanceFile, mix);
        // a table from the test heuristic keeps these tests independent of the solvers
        solutionFile = dir.resolve("table.json");
        SolutionFiles.write(solutionFile, SolutionHeuristics.solve(mix, LatencyInputs.forInstance(mix, SixModels.LATENCY), true));
    }

    private int run(Object command, String... args) {
        CommandLine cl = CommandErrors.install(new CommandLine(command));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void simulateWritesDeterministicOutputs() throws IOException {
        for (String o : List.of("a", "b")) {
            int code = run(new SimulateCommand(), instanceFile.toString(), "--scheduler", "terastal", "--solution", solutionFile.toString(), "--latency",
                    SixModels.LATENCY.toString(), "--horizon", "2s", "--seed", "3", "--load", "1.3", "-o", dir.resolve(o).toString());
            assertEquals(0, code, err.toString());
        }
        for (String f : List.of(SimOutputs.SUMMARY, SimOutputs.METRICS, SimOutputs.FRAMES, SimOutputs.TIMELINE)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        String summary = Files.readString(dir.resolve("a").resolve(SimOutputs.SUMMARY));
        assertTrue(summary.contains("\"scheduler\": \"terastal\""), summary);
        assertTrue(out.toString().contains("resnet50"), out.toString());
        assertTrue(Files.readString(dir.resolve("a").resolve(SimOutputs.METRICS)).startsWith(MetricsCsv.HEADER + "\n"));
    }

    /** An output folder holds one run's files: a later run replaces it whole, or leaves it as it was. */
    @Test
    void simulateReplacesAnEarlierRunWhole() throws IOException {
        Path o = dir.resolve("o");
        String[] traced = {instanceFile.toString(), "--scheduler", "edf", "--latency", SixModels.LATENCY.toString(), "--horizon", "500ms",
            "-o", o.toString()};
        assertEquals(0, run(new SimulateCommand(), traced), err.toString());
        assertEquals(0, run(new SimulateCommand(), instanceFile.toString(), "--scheduler", "fcfs", "--latency", SixModels.LATENCY.toString(),
                "--horizon", "500ms", "--no-trace", "-o", o.toString()), err.toString());
        try (var files = Files.list(o)) {
            assertEquals(List.of(SimOutputs.METRICS, SimOutputs.SUMMARY), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no stale traces of the earlier run");
        }

        assertEquals(0, run(new SimulateCommand(), traced), err.toString());
        byte[] summary = Files.readAllBytes(o.resolve(SimOutputs.SUMMARY));
        Files.writeString(o.resolve("notes.txt"), "mine");
        assertEquals(1, run(new SimulateCommand(), instanceFile.toString(), "--scheduler", "fcfs", "--latency", SixModels.LATENCY.toString(),
                "--horizon", "500ms", "-o", o.toString()));
        assertTrue(err.toString().contains("The output folder " + o + " holds notes.txt, which is not one of the files simulate writes"),
                err.toString());
        assertArrayEquals(summary, Files.readAllBytes(o.resolve(SimOutputs.SUMMARY)), "the earlier run is left as it was");
        assertEquals("mine", Files.readString(o.resolve("notes.txt")));
    }

    @Test
    void simulateExplainsBadInput() {
        assertEquals(2, run(new SimulateCommand(), instanceFile.toString(), "--scheduler", "terastal", "--latency",
                SixModels.LATENCY.toString(), "-o", dir.resolve("x").toString()), "a missing --solution is a usage error");
        assertTrue(err.toString().contains("--solution"), err.toString());
        assertEquals(2, run(new SimulateCommand(), instanceFile.toString(), "--scheduler", "edf", "--latency", SixModels.LATENCY.toString(),
                "--late", "later", "-o", dir.resolve("y").toString()), "a wrong policy is a usage error");
        assertTrue(err.toString().contains("drop"), err.toString());
        Path other = dir.resolve("other.json");
        InstanceFiles.write(other, InstanceFiles.read(instanceFile).withLoad(1.5));
        assertEquals(1, run(new SimulateCommand(), other.toString(), "--scheduler", "terastal", "--solution", solutionFile.toString(),
                "--latency", SixModels.LATENCY.toString(), "-o", dir.resolve("z").toString()));
        assertTrue(err.toString().contains("not for instance 'pair'") && err.toString().contains("solve it again"), err.toString());
        assertFalse(Files.exists(dir.resolve("z")));
    }

    @Test
    void aPlanThatDoesNotFitTheInstanceIsRefusedNamingTheSolutionFile() throws IOException {
        String text = Files.readString(solutionFile);
        Path edited = dir.resolve("edited.json");
        Files.writeString(edited, text.replaceFirst("\"home\": \"\\w+\"", "\"home\": \"zz\""));
        assertEquals(1, run(new SimulateCommand(), instanceFile.toString(), "--scheduler", "terastal", "--solution", edited.toString(),
                "--latency", SixModels.LATENCY.toString(), "--horizon", "10ms", "-o", dir.resolve("z").toString()));
        assertTrue(err.toString().startsWith("terastal simulate: " + edited + ": The plan of model '")
                && err.toString().contains("on 'zz', which is not an accelerator of the platform"), err.toString());
        assertFalse(Files.exists(dir.resolve("z")));
    }

    @Test
    void experimentWritesCsvAndReport() throws IOException {
        int code = run(new ExperimentCommand(), instanceFile.toString(), "--solution", solutionFile.toString(), "--latency", SixModels.LATENCY.toString(),
                "--schedulers", "edf,terastal", "--loads", "0.8,1.4", "--late", "drop", "--horizon", "1s", "--average", "0.8:1.4",
                "-o", dir.resolve("exp").toString());
        assertEquals(0, code, err.toString());
        String report = Files.readString(dir.resolve("exp").resolve("report.txt"));
        assertTrue(report.contains("Headline (loads 0.80-1.40"), report);
        assertTrue(report.contains("vs edf"), report);
        List<String> csv = Files.readAllLines(dir.resolve("exp").resolve("metrics.csv"));
        assertEquals(MetricsCsv.HEADER, csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("pair,terastal,1,1.4,drop,resnet50,,miss_rate,")), String.join("\n", csv.subList(0, 5)));
        assertTrue(csv.stream().anyMatch(l -> l.matches("pair,terastal,1,1\\.4,drop,resnet50,[^,]+,miss_rate,.*")), "a task row beside the model's");
    }

    /** The shipped table covers six models; an instance with two of them uses their rows and skips the others. */
    @Test
    void latencyRowsOfOtherModelsAreSkipped() {
        Instance mix = InstanceFiles.read(instanceFile);
        Instance pair = new Instance("pair-only", "", mix.platform(), mix.models().stream()
                .filter(m -> m.id().equals("resnet50") || m.id().equals("sp2dense")).toList(), mix.tasks());
        Path file = dir.resolve("pair-only.json");
        InstanceFiles.write(file, pair);
        LatencyTable table = LatencyInputs.forInstance(pair, SixModels.LATENCY);
        assertTrue(table.hasModel("resnet50") && !table.hasModel("vgg11"));
        assertEquals(0, run(new SimulateCommand(), file.toString(), "--scheduler", "dream", "--latency", SixModels.LATENCY.toString(),
                "--horizon", "500ms", "--no-trace", "-o", dir.resolve("p").toString()), err.toString());
        assertTrue(Files.exists(dir.resolve("p").resolve(SimOutputs.SUMMARY)));
        assertTrue(!Files.exists(dir.resolve("p").resolve(SimOutputs.TIMELINE)));
    }

    @Test
    void durationsAndLoads() {
        assertEquals(10_000_000_000L, Durations.parseNs("10s"));
        assertEquals(500_000_000L, Durations.parseNs("500ms"));
        assertEquals(250_000L, Durations.parseNs("250us"));
        assertEquals(120_000_000_000L, Durations.parseNs("2m"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parseNs("ten seconds"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parseNs("-1s"));
        assertEquals(List.of(0.6, 0.7, 0.8, 0.9, 1.0), org.terastal.sweep.Sweep.parseLoads("0.6:1.0:0.1"));
        assertEquals(List.of(1.0, 1.5), org.terastal.sweep.Sweep.parseLoads("1.0, 1.5"));
        assertThrows(IllegalArgumentException.class, () -> org.terastal.sweep.Sweep.parseLoads("1:0.5:0.1"));
    }
}
