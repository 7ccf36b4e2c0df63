package org.terastal.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading input files with failures phrased as {@link InputException}s. */
public final class InputFiles {
    private InputFiles() {
    }

    /** All bytes of a file; a missing or unreadable file is an {@link InputException} naming it. */
    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "No such file; check the path");
        } catch (IOException e) {
            throw new InputException(file.toString(), "Cannot read the file: " + e.getMessage());
        }
    }
}
