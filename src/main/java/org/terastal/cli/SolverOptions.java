package org.terastal.cli;

import org.terastal.domain.Limits;
import org.terastal.offline.OfflineProblem;
import org.terastal.offline.SolverSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The solver settings shared by {@code solve} and {@code compare}. */
public final class SolverOptions {
    /** The {@code --cap} value that asks for the lowest cap with a plan ({@code solve} only). */
    static final String AUTO = "auto";

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "Wall-clock limit of each solve in seconds, over all objective phases (default: ${DEFAULT-VALUE}).")
    double timeLimitSeconds;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = "Search workers (threads) for cpsat (default: ${DEFAULT-VALUE}; choco and scip use one).")
    int workers;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cap", paramLabel = "X", defaultValue = "1.0",
            description = "Highest admissible load of any accelerator, 1.0 = fully busy (default: ${DEFAULT-VALUE}); "
                    + "solve also takes auto: the lowest cap that has a plan.")
    String cap;

    @Option(names = "--nondeterministic",
            description = "Let several cpsat workers race as a parallel portfolio; results may then differ run to run. "
                    + "By default one worker searches sequentially and several are interleaved, both reproducible.")
    boolean nondeterministic;

    /** The settings; a value they refuse is a usage error of {@code command}. */
    SolverSettings settings(CommandSpec command) {
        return CommandErrors.fromOptions(command, () -> new SolverSettings(workers, seed, timeLimitSeconds, !nondeterministic));
    }

    /** Whether the command line asks for {@code --cap auto}: the lowest cap that has a plan. */
    boolean lowestCap() {
        return AUTO.equals(cap);
    }

    /** The cap in ppm of one accelerator; a cap outside the accepted range is a usage error of {@code command}. */
    long capPpm(CommandSpec command) {
        double x;
        try {
            x = Double.parseDouble(cap);
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (!(x >= Limits.MIN_LOAD && x <= Limits.MAX_LOAD)) {
            throw new ParameterException(command.commandLine(), "The cap (" + cap + ") must be a number in [" + Limits.format(Limits.MIN_LOAD)
                    + ", " + Limits.format(Limits.MAX_LOAD) + "]" + (lowestCap() ? " for " + command.name() : " or auto") + "; maybe --cap 1.0");
        }
        return Math.round(x * OfflineProblem.PPM);
    }
}
