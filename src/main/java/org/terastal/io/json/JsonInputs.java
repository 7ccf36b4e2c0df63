package org.terastal.io.json;

import java.nio.file.Path;
import org.terastal.io.InputFiles;

/**
 * Reading the JSON inputs of other packages (e.g. sweep files) with the strict mapper of instance
 * files: unknown fields, duplicate keys and type mismatches are errors, and every failure is one
 * {@link org.terastal.io.InputException} naming the file, line:column and field path.
 */
public final class JsonInputs {
    private JsonInputs() {
    }

    /**
     * A JSON shape that validates itself by building its domain object as soon as it is read; a
     * {@link org.terastal.domain.DomainException} it throws is reported at the object's place in the file.
     */
    public interface Checked {
        Object toDomain();
    }

    /**
     * Reads a file of the format {@code format} (a tag of {@link JsonFormats}, checked before the rest
     * is parsed) into a JSON shape (a record whose components are the fields).
     */
    public static <T> T read(Path file, Class<T> type, String format) {
        return read(file, InputFiles.readBytes(file), type, format);
    }

    /** {@link #read(Path, Class, String)} of a file's bytes already read. */
    public static <T> T read(Path file, byte[] bytes, Class<T> type, String format) {
        return InstanceFiles.parse(file.toString(), bytes, type, format);
    }
}
