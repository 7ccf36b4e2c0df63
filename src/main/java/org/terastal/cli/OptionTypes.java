package org.terastal.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.terastal.offline.backends.Backends;
import org.terastal.offline.Formulation;
import org.terastal.online.Schedulers;
import org.terastal.scenario.TaskSpec;
import org.terastal.sim.Durations;
import org.terastal.sim.LatePolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The types of option values that are more than a number or a path. Picocli converts them while it
 * parses the command line, so a wrong value is a usage error (exit code 2) whose message names the
 * option and the accepted values, before any file is read. Each choice is also a list of completion
 * candidates, which the help shows ({@code ${COMPLETION-CANDIDATES}}).
 */
final class OptionTypes {
    /** What the help says of a duration. */
    static final String DURATION_UNITS = "a number with a unit: ns, us, ms, s or m, e.g. 10s";

    private OptionTypes() {
    }

    /** One of a fixed list of lower-case names, read in any case. */
    abstract static class Choice<T> implements ITypeConverter<T>, Iterable<String> {
        private final String what;
        private final Map<String, T> byName = new LinkedHashMap<>();

        Choice(String what, List<String> names, Function<String, T> value) {
            this.what = what;
            names.forEach(n -> byName.put(n, value.apply(n)));
        }

        @Override
        public Iterator<String> iterator() {
            return byName.keySet().iterator();
        }

        @Override
        public T convert(String text) {
            T value = byName.get(text.strip().toLowerCase(Locale.ROOT));
            if (value == null) {
                throw new TypeConversionException("The " + what + " (" + text + ") is not one of " + String.join(", ", byName.keySet()));
            }
            return value;
        }
    }

    /** A late-frame policy: drop or continue. */
    static final class LatePolicies extends Choice<LatePolicy> {
        LatePolicies() {
            super("late-frame policy", Arrays.stream(LatePolicy.values()).map(LatePolicy::label).toList(), LatePolicy::parse);
        }
    }

    /** A built-in scheduler's name. */
    static final class SchedulerNames extends Choice<String> {
        SchedulerNames() {
            super("scheduler", Schedulers.NAMES, Function.identity());
        }
    }

    /** A solver back-end's name. */
    static final class SolverNames extends Choice<String> {
        SolverNames() {
            super("solver", Backends.NAMES, Function.identity());
        }
    }

    /** A formulation of the offline problem: table or mip. */
    static final class Formulations extends Choice<Formulation> {
        Formulations() {
            super("formulation", Arrays.stream(Formulation.values()).map(Formulation::label).toList(), Formulation::of);
        }
    }

    /** A whole number of at least 1. */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                int n = Integer.parseInt(text.strip());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // the message below
            }
            throw new TypeConversionException("The count (" + text + ") is not a whole number of at least 1, e.g. 4");
        }
    }

    /**
     * A task spec ({@link TaskSpec}), read to the end so that a malformed one is a usage error; the
     * models and the parents of cascades it names are checked when the instance is composed.
     */
    static final class TaskSpecs implements ITypeConverter<TaskSpec> {
        @Override
        public TaskSpec convert(String text) {
            TaskSpec spec = new TaskSpec(text);
            // a cascade's rate needs its parent's, which is not known yet; any rate checks the spec
            converted(() -> spec.toTask(parent -> 1.0));
            return spec;
        }
    }

    /** A span of simulated time, in ns. */
    record Span(long fromNs, long toNs) {
    }

    /** A duration with its unit ({@link Durations#parseNs}), in ns. */
    static final class Duration implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return converted(() -> Durations.parseNs(text));
        }
    }

    /** A span {@code FROM:TO} of simulated time ({@link Durations#parseWindow}). */
    static final class Window implements ITypeConverter<Span> {
        @Override
        public Span convert(String text) {
            return converted(() -> {
                long[] w = Durations.parseWindow(text);
                return new Span(w[0], w[1]);
            });
        }
    }

    /** A value parsed by the domain's own parser, whose message says what is wrong. */
    private static <T> T converted(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
