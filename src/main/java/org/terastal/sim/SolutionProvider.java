package org.terastal.sim;

import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Solution;

/**
 * Gives the offline solution table for an instance as it will be simulated (after load scaling), for
 * the schedulers that read one. It may solve, read a file, or rescale a table made at another load.
 */
@FunctionalInterface
public interface SolutionProvider {
    Solution solutionFor(Instance instance, LatencyTable latency);
}
