package org.terastal.cli;

import java.nio.file.Path;
import java.util.function.BiFunction;
import org.terastal.domain.Instance;
import org.terastal.domain.Solution;

/**
 * Where the simulation commands get a {@link Solution} from a {@code --solution} file. The reader of
 * solution files belongs to the offline module, which installs it here when the command line is
 * assembled; until then the commands say that no reader is installed.
 */
public final class SolutionSource {
    private static volatile BiFunction<Path, Instance, Solution> reader;

    private SolutionSource() {
    }

    /** Installs the function that reads a solution file for an instance (and checks that they match). */
    public static void install(BiFunction<Path, Instance, Solution> solutionReader) {
        reader = solutionReader;
    }

    /** Reads a solution file for an instance. */
    public static Solution read(Path file, Instance instance) {
        BiFunction<Path, Instance, Solution> r = reader;
        if (r == null) {
            throw new IllegalStateException("Cannot read solution file " + file + ": this build has no solution-file reader installed");
        }
        return r.apply(file, instance);
    }
}
