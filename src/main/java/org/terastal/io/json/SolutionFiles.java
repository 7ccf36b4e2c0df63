package org.terastal.io.json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.terastal.domain.Solution;
import org.terastal.io.AtomicFiles;
import org.terastal.io.InputException;
import org.terastal.io.InputFiles;

/**
 * Reads and writes solution tables ({@value #FORMAT}), in the canonical layout of
 * {@link JsonPrinter}: one line per layer. Every failure to read becomes one
 * {@link InputException} naming the file, line:column and field path, as for instance files.
 */
public final class SolutionFiles {
    /** Format tag of solution files. */
    public static final String FORMAT = JsonFormats.SOLUTION;

    private SolutionFiles() {
    }

    /** Reads a solution file. */
    public static Solution read(Path file) {
        return InstanceFiles.parse(file.toString(), InputFiles.readBytes(file), SolutionDtos.SolutionJson.class, FORMAT).toDomain();
    }

    /** Reads a solution from text; {@code name} stands for the file in messages. */
    public static Solution parse(String name, String json) {
        return InstanceFiles.parse(name, json.getBytes(StandardCharsets.UTF_8), SolutionDtos.SolutionJson.class, FORMAT).toDomain();
    }

    /**
     * Canonical JSON text of a solution.
     *
     * @throws IllegalArgumentException when the layers do not list their latencies on the same accelerators
     */
    public static String toJson(Solution solution) {
        return JsonPrinter.print(InstanceFiles.MAPPER.valueToTree(SolutionDtos.SolutionJson.of(solution)));
    }

    /** Writes a solution file atomically. */
    public static void write(Path file, Solution solution) {
        AtomicFiles.write(file, toJson(solution));
    }
}
