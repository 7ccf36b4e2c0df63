package org.terastal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    @Test
    void aBinaryFileFailsAtItsFirstNulByte(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("image.json");
        Files.write(file, new byte[] {'{', ' ', 0, 1, 2});
        InputException e = assertThrows(InputException.class, () -> InputFiles.readBytes(file));
        assertEquals(file + ": The file holds binary data (a NUL byte at offset 2), not text; expected JSON, CSV or a MAESTRO file; "
                + "maybe the wrong file", e.getMessage());
    }

    @Test
    void anEndlessDeviceFailsAtOnce() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        InputException e = assertThrows(InputException.class, () -> InputFiles.readBytes(zero));
        assertEquals("/dev/zero: The file holds binary data (a NUL byte at offset 0), not text; expected JSON, CSV or a MAESTRO file; "
                + "maybe the wrong file", e.getMessage());
    }

    @Test
    void aFileBeyondTheLimitIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.csv");
        Files.writeString(file, "a".repeat(3 << 20));
        InputException e = assertThrows(InputException.class, () -> InputFiles.readBytes(file, 2 << 20));
        assertEquals(file + ": The file is larger than 2 MiB (2097152 bytes), the most the toolkit reads; maybe the wrong file", e.getMessage());
        assertArrayEquals(Files.readAllBytes(file), InputFiles.readBytes(file, 3 << 20));
    }
}
