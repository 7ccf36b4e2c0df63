package org.terastal.scenario.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.io.AtomicFolders;
import org.terastal.io.InputException;
import org.terastal.io.json.InstanceFiles;
import org.terastal.scenario.suite.SuiteManifest.SetEntry;
import org.terastal.scenario.suite.SuiteSettings.Range;

class SuiteManifestTest {
    static Suite suite(long seed) {
        return SuiteGenerator.generate(SuiteGeneratorTest.settings(seed).sets(6).cascade(0.5).deadline(new Range(0.8, 1)).build());
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Writes suite(seed) into dir/suite and returns its manifest file. */
    private static Path manifestOf(Path dir, long seed) {
        Path out = dir.resolve("suite");
        Suites.write(out, suite(seed), false);
        return out.resolve(SuiteManifest.FILE);
    }

    @Test
    void theManifestReadsBackToTheSameBytes(@TempDir Path dir) throws IOException {
        Path file = manifestOf(dir, 4);
        String text = Files.readString(file);
        SuiteManifest read = SuiteManifest.read(file);
        assertEquals(text, read.toJson());
        assertEquals(SuiteManifest.of(suite(4)), read);
        assertEquals(SuiteManifest.FORMAT, read.format());
        assertEquals(6, read.totals().sets());
        assertTrue(read.sets().stream().flatMap(s -> s.tasks().stream()).anyMatch(t -> t.parent() != null), "a cascade in six sets at 0.5");
    }

    @Test
    void everySetFileIsTheInstanceItsChecksumNames(@TempDir Path dir) throws IOException, NoSuchAlgorithmException {
        Path out = dir.resolve("suite");
        Suite suite = suite(8);
        Suites.write(out, suite, false);
        SuiteManifest manifest = SuiteManifest.read(out.resolve(SuiteManifest.FILE));
        List<String> files = manifest.sets().stream().map(SetEntry::file).toList();
        assertEquals(Stream.concat(files.stream(), Stream.of(SuiteManifest.FILE)).sorted().toList(), listing(out));
        for (SetEntry set : manifest.sets()) {
            Path file = out.resolve(set.file());
            assertEquals(set.checksum(), InstanceFiles.checksum(InstanceFiles.read(file)));
            assertEquals(Files.readString(file), InstanceFiles.toJson(InstanceFiles.read(file)));
            assertEquals(set.tasks().size(), InstanceFiles.read(file).tasks().size());
        }
        for (SuiteManifest.PoolModel model : manifest.pool()) {
            byte[] bytes = Files.readAllBytes(Path.of("models", model.id() + ".json"));
            String sha = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertEquals(sha, model.sha256(), "the canonical model file's SHA-256");
        }
    }

    @Test
    void aManifestOfAnotherFormatIsRefused(@TempDir Path dir) throws IOException {
        Path file = manifestOf(dir, 1);
        Files.writeString(file, Files.readString(file).replace("terastal-suite/1", "terastal-suite/2"));
        InputException e = assertThrows(InputException.class, () -> SuiteManifest.read(file));
        assertTrue(e.getMessage().contains("terastal-suite/2"), e.getMessage());
        Files.writeString(file, Files.readString(file).replace("terastal-suite/2", "terastal-suite/1").replace("\"seed\": 1, ", ""));
        InputException missing = assertThrows(InputException.class, () -> SuiteManifest.read(file));
        assertTrue(missing.getMessage().contains("seed"), missing.getMessage());
    }

    @Test
    void aSetWhoseFiguresDisagreeWithItsPlaceOrThePlatformIsRefused(@TempDir Path dir) throws IOException {
        Path file = manifestOf(dir, 1);
        String good = Files.readString(file);
        assertTrue(good.contains("\"busiest\": \"ws\""), "the first set's busiest engine is ws");
        String[][] broken = {
            {"\"busiest\": \"ws\"", "\"busiest\": \"os\"", "sets[0].busiest", "maybe \"ws\""},
            {"\"busiest\": \"ws\"", "\"busiest\": 1", "sets[0].busiest", "maybe \"ws\""},
            {"\"index\": 1,", "\"index\": 7,", "sets[1].index", "maybe 1"},
            {"\"preferredLoad\": {\"ws\"", "\"preferredLoad\": {\"npu\"", "sets[0].preferredLoad", "[ws, os]"},
        };
        for (String[] b : broken) {
            Files.writeString(file, good.replaceFirst(Pattern.quote(b[0]), b[1]));
            InputException e = assertThrows(InputException.class, () -> SuiteManifest.read(file), b[1]);
            assertTrue(e.getMessage().contains(b[2]) && e.getMessage().contains(b[3]), e.getMessage());
        }
    }

    @Test
    void aFailedWriteLeavesNothingAndAnExistingFolderIsReplacedOnlyWhenAsked(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("suite");
        assertThrows(UncheckedIOException.class, () -> AtomicFolders.write(out, false, folder -> {
            Files.writeString(folder.resolve("half.json"), "{");
            throw new IOException("disk full");
        }));
        assertEquals(List.of(), listing(dir), "no target and no temporary folder");
        Suites.write(out, suite(1), false);
        List<String> first = listing(out);
        assertThrows(IllegalArgumentException.class, () -> Suites.write(out, suite(2), false));
        assertEquals(first, listing(out));
        Files.writeString(out.resolve("stale.txt"), "x");
        Suites.write(out, SuiteGenerator.generate(SuiteGeneratorTest.settings(2).sets(2).build()), true);
        assertEquals(List.of("suite.json", "t-0000.json", "t-0001.json"), listing(out));
        assertEquals(List.of("suite"), listing(dir), "the old folder is gone");
        assertFalse(Files.exists(out.resolve("stale.txt")));
    }
}
