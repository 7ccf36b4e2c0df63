package org.terastal.cli;

import org.terastal.domain.Limits;
import org.terastal.offline.OfflineProblem;
import org.terastal.offline.SolverSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The solver settings shared by {@code solve} and {@code compare}. */
public final class SolverOptions {
    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "Wall-clock limit of each solve in seconds, over all objective phases (default: ${DEFAULT-VALUE}).")
    double timeLimitSeconds;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = "Search workers (threads) for cpsat (default: ${DEFAULT-VALUE}; choco and scip use one).")
    int workers;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cap", paramLabel = "X", defaultValue = "1.0",
            description = "Highest admissible load of any accelerator, 1.0 = fully busy (default: ${DEFAULT-VALUE}).")
    double cap;

    @Option(names = "--nondeterministic",
            description = "Let several cpsat workers race as a parallel portfolio; results may then differ run to run. "
                    + "By default one worker searches sequentially and several are interleaved, both reproducible.")
    boolean nondeterministic;

    /** The settings; a value they refuse is a usage error of {@code command}. */
    SolverSettings settings(CommandSpec command) {
        return CommandErrors.fromOptions(command, () -> new SolverSettings(workers, seed, timeLimitSeconds, !nondeterministic));
    }

    /** The cap in ppm of one accelerator; a cap outside the accepted range is a usage error of {@code command}. */
    long capPpm(CommandSpec command) {
        if (!(cap >= Limits.MIN_LOAD && cap <= Limits.MAX_LOAD)) {
            throw new ParameterException(command.commandLine(), "The cap (" + cap + ") must be in [" + Limits.format(Limits.MIN_LOAD) + ", "
                    + Limits.format(Limits.MAX_LOAD) + "]; maybe --cap 1.0");
        }
        return Math.round(cap * OfflineProblem.PPM);
    }
}
