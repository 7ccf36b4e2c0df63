package org.terastal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.domain.Instance;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.testkit.SixModels;
import org.terastal.testkit.SixModels.Share;
import org.terastal.testkit.SolutionHeuristics;

/**
 * A real {@code kill -9} of an experiment process loses no finished cell, and the resumed run gives the uninterrupted bytes;
 * while the process runs, another sweep into its folder is refused and a shard of the same sweep shares the folder.
 */
@Tag("slow")
class SweepKillTest {
    @TempDir
    Path dir;

    private static long cells(Path out) throws IOException {
        Path cells = out.resolve("cells");
        if (!Files.isDirectory(cells)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(cells)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).count();
        }
    }

    @Test
    void killedProcessResumes() throws Exception {
        Instance mix = SixModels.mix("pair", 1.2, List.of(Share.of("resnet50", 1), Share.of("sp2dense", 1)));
        Path instance = dir.resolve("pair.json");
        Path solution = dir.resolve("table.json");
        InstanceFiles.write(instance, mix);
        SolutionFiles.write(solution, SolutionHeuristics.solve(mix, LatencyInputs.forInstance(mix, SixModels.LATENCY), true));
        List<String> sweep = List.of("experiment", instance.toString(), "--solution", solution.toString(), "--latency",
                SixModels.LATENCY.toString(), "--seeds", "1,2,3", "--loads", "0.8:1.5:0.1", "--horizon", "3s", "--jobs", "2");
        Path clean = dir.resolve("clean");
        Path killed = dir.resolve("killed");
        assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Stream.concat(sweep.stream(), Stream.of("-o", clean.toString())).toArray(String[]::new)));

        List<String> command = Stream.concat(Stream.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()), Stream.concat(sweep.stream(), Stream.of("-o", killed.toString())))
                .toList();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        long total = cells(clean);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (cells(killed) < 1 && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // while the process holds the folder, another sweep is refused and a shard of the same sweep joins it
        StringWriter refused = new StringWriter();
        assertEquals(1, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(refused),
                Stream.concat(sweep.stream().map(a -> a.equals("3s") ? "2s" : a), Stream.of("-o", killed.toString())).toArray(String[]::new)));
        assertTrue(refused.toString().startsWith("terastal experiment: The folder " + killed + " is being written by another sweep"), refused.toString());
        StringWriter joined = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(joined),
                Stream.concat(sweep.stream(), Stream.of("--shard", "1/60", "-o", killed.toString())).toArray(String[]::new)), joined.toString());
        while (cells(killed) < total / 4 && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(process.isAlive(), "the process ended before it could be killed: " + Files.readString(dir.resolve("log.txt")));
        process.destroyForcibly().waitFor();
        long kept = cells(killed);
        assertTrue(kept >= total / 4 && kept < total, kept + " of " + total + " cells kept");

        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                Stream.concat(sweep.stream(), Stream.of("-o", killed.toString())).toArray(String[]::new)), err.toString());
        assertTrue(err.toString().startsWith("experiment: " + kept + " cells already done"), err.toString());
        for (String f : List.of("metrics.csv", "report.txt")) {
            assertArrayEquals(Files.readAllBytes(clean.resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
        }
    }
}
