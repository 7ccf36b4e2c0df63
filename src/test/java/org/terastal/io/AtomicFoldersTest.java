package org.terastal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command's output folder is replaced whole, or left as it was; a folder holding other files is refused. */
class AtomicFoldersTest {
    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private void writeOutputs(Path out, String... names) {
        AtomicFolders.replaceOutputs(out, n -> n.endsWith(".csv"), "the CSV files", folder -> {
            for (String name : names) {
                Files.writeString(folder.resolve(name), name);
            }
        });
    }

    @Test
    void aLaterRunLeavesNoFileOfTheEarlierOne() throws IOException {
        Path out = dir.resolve("out");
        writeOutputs(out, "a.csv", "b.csv");
        // a temporary file AtomicFiles left when killed counts as one of the outputs
        Files.writeString(out.resolve(".b.csv5081234567.tmp"), "half");
        writeOutputs(out, "a.csv");
        assertEquals(List.of("a.csv"), names(out));
        assertEquals(List.of("out"), names(dir), "no temporary folder left");
    }

    @Test
    void aFailedRunLeavesTheEarlierFolderAsItWas() throws IOException {
        Path out = dir.resolve("out");
        writeOutputs(out, "a.csv", "b.csv");
        UncheckedIOException full = assertThrows(UncheckedIOException.class, () -> AtomicFolders.replaceOutputs(out, n -> n.endsWith(".csv"),
                "the CSV files", folder -> {
                    Files.writeString(folder.resolve("a.csv"), "new");
                    throw new IOException("No space left on device");
                }));
        assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
        assertEquals(List.of("a.csv", "b.csv"), names(out));
        assertEquals("a.csv", Files.readString(out.resolve("a.csv")));
        assertEquals(List.of("out"), names(dir), "no temporary folder left");
    }

    @Test
    void aFolderHoldingOtherFilesIsRefused() throws IOException {
        Path out = dir.resolve("out");
        writeOutputs(out, "a.csv");
        Files.createDirectory(out.resolve("sub"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> writeOutputs(out, "b.csv"));
        assertEquals("The output folder " + out + " holds sub, which is not one of the CSV files; the folder is replaced as a whole, which "
                + "would delete it: give a new or empty folder, or move it away", refused.getMessage());
        assertEquals(List.of("a.csv", "sub"), names(out));
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThrows(IllegalArgumentException.class, () -> writeOutputs(file, "b.csv"));
    }
}
