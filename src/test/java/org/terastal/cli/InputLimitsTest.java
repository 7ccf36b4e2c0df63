package org.terastal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.cli.CliTest.Run;

/**
 * Inputs at and beyond the documented limits, through the command line: each is one line naming the
 * file, the field and the value, exit code 1 and nothing written; none silently wraps, lies or runs
 * out of memory.
 */
class InputLimitsTest {
    private static final String INSTANCE = "instances/skewed-vision.json";

    @TempDir
    Path dir;

    private static Run run(String... args) {
        return CliTest.run(args);
    }

    /** The shipped instance with one JSON text replaced; fails if the text is not there. */
    private Path edited(String name, String from, String to) throws IOException {
        String text = Files.readString(Path.of(INSTANCE));
        assertTrue(text.contains(from), from);
        Path file = dir.resolve(name);
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    private List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** Refused as bad input (exit 1). */
    private static void refused(Run r, String... parts) {
        refused(1, r, parts);
    }

    /** Refused with this exit code: 1 for a bad input file, 2 for a wrong command line. */
    private static void refused(int code, Run r, String... parts) {
        assertEquals(code, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        for (String part : parts) {
            assertTrue(r.err().contains(part), r.err());
        }
    }

    @Test
    void exportWritesNoFileOutsideItsFolder() throws IOException {
        Path instance = edited("escape.json", "\"name\": \"skewed-vision\"", "\"name\": \"../../escaped\"");
        Path model = edited("model.json", "\"id\": \"resnet50\"", "\"id\": \"../resnet50\"");
        Path out = dir.resolve("a").resolve("b");
        refused(run("export", instance.toString(), "--format", "maestro", "-o", out.toString()), instance + ":1:1: The name (../../escaped) "
                + "of an instance must be letters, digits, '.', '-' and '_', at most 100 characters, starting with a letter, digit or '_', "
                + "because it becomes a file name; maybe escaped (at name)");
        refused(run("export", model.toString(), "--format", "maestro", "-o", out.toString()), "(at models[0].id)");
        assertEquals(List.of(), filesUnder(dir).stream().filter(f -> f.toString().endsWith(".m")).toList());
    }

    @Test
    void aDeadlineNearTheLongRangeIsRejectedNotWrapped() throws IOException {
        Path instance = edited("deadline.json", "\"deadlineNs\": 0", "\"deadlineNs\": 9223372036854775807");
        Path out = dir.resolve("sim");
        refused(run("simulate", instance.toString(), "--scheduler", "edf", "--horizon", "1s", "-o", out.toString()),
                instance + ":", ": The deadlineNs (9223372036854775807 ns) of task 'resnet50' must be in [0, 1e13] ns (at tasks[0].deadlineNs)");
        assertFalse(Files.exists(out));
    }

    @Test
    void composeRejectsADeadlineBeyondTheRange() {
        Path out = dir.resolve("c.json");
        refused(2, run("compose", "--name", "c", "--platform", INSTANCE, "--model", "models/resnet50.json", "--task", "resnet50@30,deadline=1e300",
                "-o", out.toString()), "The task spec (resnet50@30,deadline=1e300) has a deadline (1e300 ms) outside [0, 1e7] ms");
        assertFalse(Files.exists(out));
    }

    @Test
    void aLatencyNearTheLongRangeIsRejectedByEveryCommand() throws IOException {
        Path csv = dir.resolve("latency.csv");
        assertEquals(0, run("latency", INSTANCE, "-o", csv.toString()).code());
        Files.writeString(csv, Files.readString(csv).replaceFirst("resnet50,conv1,original,ws,\\d+", "resnet50,conv1,original,ws,9223372036854775807"));
        String reason = ": The latency (9223372036854775807 ns) of layer 'conv1' of model 'resnet50' must be in [1, 1e12] ns";
        refused(run("info", INSTANCE, "--latency", csv.toString()), csv + ":", reason);
        Path plan = dir.resolve("plan.json");
        Run solve = run("solve", INSTANCE, "--latency", csv.toString(), "-o", plan.toString());
        refused(solve, csv + ":", reason);
        assertFalse(Files.exists(plan));
    }

    @Test
    void anInstanceAtTheLimitsSolvesWithoutAnInternalError() throws IOException {
        Path instance = edited("limits.json", "\"fps\": 30.0, \"deadlineNs\": 0", "\"fps\": 0.001, \"deadlineNs\": 10000000000000");
        Path csv = dir.resolve("latency.csv");
        assertEquals(0, run("latency", instance.toString(), "-o", csv.toString()).code());
        Files.writeString(csv, Files.readString(csv).replaceFirst("resnet50,conv1,original,ws,\\d+", "resnet50,conv1,original,ws,1000000000000"));
        Run r = run("solve", instance.toString(), "--latency", csv.toString(), "--cap", "100", "-o", dir.resolve("plan.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("maxLoadPpm"), r.out());
    }

    @Test
    void aLoadGridTooFineForTheMemoryIsCountedFirst() {
        long start = System.nanoTime();
        Path out = dir.resolve("exp");
        refused(2, run("experiment", INSTANCE, "--schedulers", "edf", "--loads", "0.6:1.6:1e-300", "-o", out.toString()),
                "The loads (0.6:1.6:1e-300) make 1.00e+300 levels, more than the 1000 a sweep runs; maybe a larger step");
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
        assertFalse(Files.exists(out));
    }

    @Test
    void aRateBeyondTheRangeIsRejected() throws IOException {
        Path instance = edited("fps.json", "\"fps\": 30.0", "\"fps\": 1e9");
        refused(run("simulate", instance.toString(), "--scheduler", "edf", "-o", dir.resolve("sim").toString()),
                "The fps (1e9) of task 'resnet50' must be in [0.001, 1000000] (at tasks[0].fps)");
    }

    @Test
    void moreFramesThanARunHoldsAreRefusedBeforeAnyIsMade() throws IOException {
        Path instance = edited("fast.json", "\"fps\": 30.0", "\"fps\": 1000000.0");
        Path out = dir.resolve("sim");
        refused(run("simulate", instance.toString(), "--scheduler", "edf", "--horizon", "1000s", "--no-trace", "-o", out.toString()),
                "would release up to 1000025000 frames, more than the 100000000 one run may");
        assertFalse(Files.exists(out));
    }

    @Test
    void aBinaryOrEndlessInputFailsAtOnce() throws IOException {
        Path image = dir.resolve("image.json");
        Files.write(image, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        refused(run("simulate", image.toString(), "--scheduler", "edf", "-o", dir.resolve("sim").toString()),
                image + ": The file holds binary data (a NUL byte at offset 4), not text");
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        refused(run("simulate", "/dev/zero", "--scheduler", "edf", "-o", dir.resolve("sim").toString()),
                "/dev/zero: The file holds binary data (a NUL byte at offset 0), not text");
    }

    @Test
    void aTimelineTooLargeToWriteIsRefusedWithTheWayOut() {
        Path out = dir.resolve("sim");
        refused(run("simulate", INSTANCE, "--scheduler", "edf", "--horizon", "6000s", "-o", out.toString()),
                "The run would write up to 25050066 timeline rows (about 2.5 GB), more than the 20000000 a traced run writes; "
                        + "maybe --no-trace (summary and metrics only) or a shorter horizon");
        assertFalse(Files.exists(out));
    }
}
