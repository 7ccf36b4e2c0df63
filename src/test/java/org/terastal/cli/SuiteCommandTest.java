package org.terastal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.terastal.cli.CliTest.Run;
import org.terastal.io.json.InstanceFiles;
import org.terastal.scenario.suite.SuiteManifest;

/** {@code terastal suite} and {@code terastal models}. */
class SuiteCommandTest {
    static final List<String> SIX = List.of("inceptionv3", "mobilenetv2_ssd", "resnet50", "sp2dense", "swin_tiny", "vgg11");
    static final List<String> XRBENCH = List.of("instances/xrbench-AR_gaming.json", "instances/xrbench-VR_gaming.json",
            "instances/xrbench-social_interactionA.json", "instances/xrbench-social_interactionB.json");

    static Run suite(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("suite", "--name", "s", "--platform", "platforms/Dual_4K.m", "--dataflows", "WS,OS",
                "--pool", "models", "--seed", "3", "--sets", "12"));
        args.addAll(Arrays.asList(extra));
        args.addAll(List.of("-o", out.toString()));
        return CliTest.run(args.toArray(String[]::new));
    }

    /** Relative path to content of every file below a folder. */
    static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                all.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return all;
    }

    @Test
    void theSameSettingsAndSeedWriteTheSameBytes(@TempDir Path dir) throws IOException {
        Run a = suite(dir.resolve("a"), "--cascade", "0.3", "--deadline", "0.8:1");
        Run b = suite(dir.resolve("b"), "--cascade", "0.3", "--deadline", "0.8:1");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        Run d = CliTest.run("suite", "--name", "s", "--platform", "platforms/Dual_4K.m", "--dataflows", "WS,OS", "--pool", "models",
                "--seed", "4", "--sets", "12", "--cascade", "0.3", "--deadline", "0.8:1", "-o", dir.resolve("d").toString());
        assertEquals(0, d.code(), d.err());
        Map<String, String> first = contents(dir.resolve("a"));
        assertEquals(13, first.size());
        assertEquals(first, contents(dir.resolve("b")));
        Map<String, String> other = contents(dir.resolve("d"));
        assertEquals(first.keySet(), other.keySet());
        assertNotEquals(first.get("suite.json"), other.get("suite.json"));
        assertFalse(first.get("suite.json").contains(dir.toString()), "no absolute path in the manifest");
        assertTrue(a.out().startsWith("Wrote " + dir.resolve("a") + ": 12 task sets"), a.out());
        assertTrue(a.out().contains("Busiest-engine fastest-engine load 1.2500 to 1.2500"), a.out());
        assertEquals(1, a.out().lines().count(), a.out());
    }

    @Test
    void thePoolFolderIsReadWithoutItsSubfolders(@TempDir Path dir) {
        assertEquals(0, suite(dir.resolve("s")).code());
        SuiteManifest manifest = SuiteManifest.read(dir.resolve("s/suite.json"));
        assertEquals(SIX, manifest.pool().stream().map(SuiteManifest.PoolModel::id).toList());
        assertEquals("builtin/1", manifest.latency());
        assertEquals(12, manifest.sets().size());
    }

    @Test
    void theXrbenchModelsAreAPool(@TempDir Path dir) {
        Run r = CliTest.run("suite", "--name", "xr", "--platform", "instances/xrbench-VR_gaming.json", "--pool", "models/xrbench",
                "--seed", "1", "--sets", "10", "--cascade", "0.3", "-o", dir.resolve("xr").toString());
        assertEquals(0, r.code(), r.err());
        SuiteManifest manifest = SuiteManifest.read(dir.resolve("xr/suite.json"));
        assertEquals(7, manifest.pool().size());
        assertEquals("Dual_4K WS+OS", manifest.platform().name());
    }

    @Test
    void aMaestroLatencyTableIsUsedWhenGiven(@TempDir Path dir) {
        Run r = suite(dir.resolve("m"), "--latency", "latency/six-models-maestro-dual2048.csv");
        assertEquals(0, r.code(), r.err());
        assertEquals("six-models-maestro-dual2048.csv", SuiteManifest.read(dir.resolve("m/suite.json")).latency());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(List.of("--target", "50"), "--target"),
                Arguments.of(List.of("--target", "-1"), "--target"),
                Arguments.of(List.of("--tasks", "5:3"), "--tasks"),
                Arguments.of(List.of("--tasks", "0:3"), "--tasks"),
                Arguments.of(List.of("--tasks", "two"), "--tasks"),
                Arguments.of(List.of("--fps", "30:10"), "--fps"),
                Arguments.of(List.of("--fps", "-1:10"), "--fps"),
                Arguments.of(List.of("--jitter", "-0.1"), "--jitter"),
                Arguments.of(List.of("--jitter", "2"), "--jitter"),
                Arguments.of(List.of("--deadline", "1:0.5"), "--deadline"),
                Arguments.of(List.of("--cascade", "1.5"), "--cascade"),
                Arguments.of(List.of("--cascade-probability", "0:1"), "--cascade-probability"),
                Arguments.of(List.of("--max-task-util", "-1"), "--max-task-util"),
                Arguments.of(List.of("--sets", "-5"), "--sets"),
                Arguments.of(List.of("--sets", "0"), "--sets"),
                Arguments.of(List.of("--sets", "many"), "--sets"),
                Arguments.of(List.of("--seed", "x"), "--seed"),
                Arguments.of(List.of("--name", "a b"), "--name"),
                Arguments.of(List.of("--pool", "no-such-folder"), "--pool"),
                Arguments.of(List.of("--pool", "platforms"), "--pool"),
                Arguments.of(List.of("--model", "models/no-such-model.json"), "--model"),
                Arguments.of(List.of("--model", "models/vgg11.json", "--model", "models/vgg11.json"), "--model/--pool"),
                Arguments.of(List.of("--platform", "platforms/no-such.m"), "--platform"),
                Arguments.of(List.of("--dataflows", "WS,XX"), "--dataflows"),
                Arguments.of(List.of("--latency", "latency/no-such.csv"), "--latency"),
                Arguments.of(List.of("--no-seed"), "--seed"),
                Arguments.of(List.of("--no-pool"), "--model/--pool"),
                Arguments.of(List.of("--no-name"), "--name"));
    }

    /** Each bad setting: exit code 2, one line on stderr naming the option, nothing written. */
    @ParameterizedTest
    @MethodSource("badSettings")
    void aBadSettingIsOneLineNamingTheOption(List<String> change, String option, @TempDir Path dir) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--name", "s");
        options.put("--platform", "platforms/Dual_4K.m");
        options.put("--dataflows", "WS,OS");
        options.put("--pool", "models");
        options.put("--seed", "3");
        options.put("--sets", "4");
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < change.size(); i++) {
            String key = change.get(i);
            if (key.startsWith("--no-")) {
                options.remove("--" + key.substring(5));
            } else if (key.equals("--model")) {
                options.remove("--pool");
                extra.add(key);
                extra.add(change.get(++i));
            } else {
                options.put(key, change.get(++i));
            }
        }
        List<String> args = new ArrayList<>(List.of("suite"));
        options.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        args.addAll(extra);
        Path out = dir.resolve("out");
        args.addAll(List.of("-o", out.toString()));
        Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), args + ": " + r.out() + r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        // picocli's own message for a value of the wrong type names the option after its first words
        assertTrue(r.err().startsWith("terastal suite: " + option) || r.err().startsWith("terastal suite: Invalid value for option '" + option + "'"),
                r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(out), "nothing written");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no temporary folder left");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anExistingFolderIsReplacedOnlyWithForceAndOnlyIfASuiteWasWrittenThere(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "mine");
        Run refused = suite(other);
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("--force"), refused.err());
        Run forced = suite(other, "--force");
        assertEquals(2, forced.code());
        assertTrue(forced.err().contains("holds no suite.json"), forced.err());
        assertEquals("mine", Files.readString(other.resolve("notes.txt")));

        Path out = dir.resolve("s");
        assertEquals(0, suite(out).code());
        Run again = CliTest.run("suite", "--name", "s", "--platform", "platforms/Dual_4K.m", "--dataflows", "WS,OS", "--pool", "models",
                "--seed", "3", "--sets", "2", "-o", out.toString());
        assertEquals(2, again.code());
        assertEquals(13, contents(out).size(), "untouched");
        Run replaced = CliTest.run("suite", "--name", "s", "--platform", "platforms/Dual_4K.m", "--dataflows", "WS,OS", "--pool", "models",
                "--seed", "3", "--sets", "2", "--force", "-o", out.toString());
        assertEquals(0, replaced.code(), replaced.err());
        assertEquals(List.of("s-0000.json", "s-0001.json", "suite.json"), List.copyOf(contents(out).keySet()));
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        assertEquals(0, suite(empty).code(), "an empty folder is written without --force");
    }

    @Test
    void modelsRegeneratesTheShippedXrbenchPool(@TempDir Path dir) throws IOException {
        List<String> args = new ArrayList<>(List.of("models"));
        args.addAll(XRBENCH);
        args.addAll(List.of("-o", dir.toString()));
        Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals(contents(Path.of("models/xrbench")), contents(dir));
        for (Path file : Files.list(Path.of("models/xrbench")).toList()) {
            assertEquals(Files.readString(file), InstanceFiles.toJson(InstanceFiles.readModel(file)));
        }
    }

    @Test
    void modelsOfTheSixModelScenariosAreTheShippedModelFiles(@TempDir Path dir) throws IOException {
        Run r = CliTest.run("models", "instances/skewed-six.json", "instances/skewed-vision.json", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        for (String id : SIX) {
            assertEquals(Files.readString(Path.of("models", id + ".json")), Files.readString(dir.resolve(id + ".json")));
        }
    }

    @Test
    void modelsRefusesTwoDifferentModelsOfOneId(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("instances/xrbench-VR_gaming.json"));
        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, text.replaceFirst("\"K\": 32", "\"K\": 16"));
        Path out = dir.resolve("out");
        Run r = CliTest.run("models", "instances/xrbench-VR_gaming.json", changed.toString(), "-o", out.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("differs from the model of that id"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void helpListsTheNewCommands() {
        String help = CliTest.run("--help").out();
        assertTrue(help.contains("suite") && help.contains("models"), help);
    }
}
