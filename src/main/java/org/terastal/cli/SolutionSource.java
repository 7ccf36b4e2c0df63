package org.terastal.cli;

import java.nio.file.Path;
import org.terastal.domain.Instance;
import org.terastal.domain.Solution;
import org.terastal.io.InputException;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.online.TerastalScheduler;

/** Reads the solution table a simulation uses, and makes sure it was solved for that instance. */
final class SolutionSource {
    private SolutionSource() {
    }

    /** Reads a solution file; it must name the instance by the checksum of its canonical file, and its plans must fit the instance. */
    static Solution read(Path file, Instance instance) {
        Solution solution = SolutionFiles.read(file);
        String checksum = InstanceFiles.checksum(instance);
        if (!checksum.equals(solution.instanceChecksum())) {
            throw new InputException(file.toString(), 0, 0, "instanceChecksum", "The solution was computed for instance '"
                    + solution.instance() + "' (" + solution.instanceChecksum() + "), not for instance '" + instance.name() + "' ("
                    + checksum + "); maybe the instance changed since: solve it again with terastal solve");
        }
        try {
            // a plan that does not fit the instance fails here, naming the file, not when the scheduler is built
            TerastalScheduler.validate(solution, instance);
        } catch (IllegalArgumentException e) {
            throw new InputException(file.toString(), e.getMessage());
        }
        return solution;
    }
}
