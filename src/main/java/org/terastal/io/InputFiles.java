package org.terastal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.terastal.domain.Limits;

/**
 * Reading input files with failures phrased as {@link InputException}s. Every input of the toolkit
 * is text (JSON, CSV, MAESTRO) of at most {@link Limits#MAX_INPUT_BYTES}: a larger file, or one
 * that holds binary data (a NUL byte), fails at once with a message instead of filling the memory.
 */
public final class InputFiles {
    /** Bytes looked at for binary data before the rest is read. */
    private static final int SNIFF_BYTES = 64 * 1024;

    private InputFiles() {
    }

    /** All bytes of a file; a missing, unreadable, binary or too large file is an {@link InputException} naming it. */
    public static byte[] readBytes(Path file) {
        return readBytes(file, Limits.MAX_INPUT_BYTES);
    }

    /** All bytes of a file of at most {@code limit} bytes. */
    static byte[] readBytes(Path file, long limit) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > limit) {
                throw tooLarge(file, limit);
            }
            // devices and pipes report no size: read no more than the limit from them either
            try (InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes((int) Math.min(SNIFF_BYTES, limit + 1));
                for (int i = 0; i < head.length; i++) {
                    if (head[i] == 0) {
                        throw new InputException(file.toString(), "The file holds binary data (a NUL byte at offset " + i
                                + "), not text; expected JSON, CSV or a MAESTRO file; maybe the wrong file");
                    }
                }
                byte[] rest = in.readNBytes((int) Math.max(0, limit + 1 - head.length));
                if (head.length + (long) rest.length > limit) {
                    throw tooLarge(file, limit);
                }
                byte[] all = new byte[head.length + rest.length];
                System.arraycopy(head, 0, all, 0, head.length);
                System.arraycopy(rest, 0, all, head.length, rest.length);
                return all;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "No such file; check the path");
        } catch (IOException e) {
            throw new InputException(file.toString(), "Cannot read the file: " + e.getMessage());
        }
    }

    private static InputException tooLarge(Path file, long limit) {
        return new InputException(file.toString(), "The file is larger than " + (limit >> 20) + " MiB (" + limit
                + " bytes), the most the toolkit reads; maybe the wrong file");
    }
}
