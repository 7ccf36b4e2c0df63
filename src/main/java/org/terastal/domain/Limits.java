package org.terastal.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the toolkit accepts: the names that become file names and the range of every quantity an
 * input can give (docs/formats.md, "Limits"). The ranges are far beyond real workloads and chosen so
 * that no arithmetic downstream can overflow: a time plus a deadline, a release count times a
 * period, the sum of a model's layer latencies, latency × rate summed into loads in ppm, and the
 * bounds of every linear expression of the offline constraint program (64-bit in CP-SAT). Every
 * reader checks its input against these limits and names the file, the field and the value.
 */
public final class Limits {
    private Limits() {
    }

    /** Longest name. */
    public static final int MAX_NAME_LENGTH = 100;
    /** A name that is safe as (part of) a file name on every platform, and as a CSV field and a MAESTRO token. */
    public static final String NAME_RULE = "letters, digits, '.', '-' and '_', at most " + MAX_NAME_LENGTH
            + " characters, starting with a letter, digit or '_'";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    /** Largest layer dimension (N, K, C, Y, X, R, S), stride and padding. */
    public static final int MAX_DIM = 1 << 20;
    /** Most multiply-accumulates of one layer (original or variant). */
    public static final long MAX_LAYER_MACS = 100_000_000_000_000L;
    /** Most layers of one model. */
    public static final int MAX_LAYERS = 10_000;
    /** Most variant candidates of one model (the simulator keeps a frame's variants as one 64-bit set). */
    public static final int MAX_CANDIDATES = Long.SIZE;
    /** Most models of one instance. */
    public static final int MAX_MODELS = 1_000;
    /** Most tasks of one instance. */
    public static final int MAX_TASKS = 1_000;
    /** Most accelerators of one platform. */
    public static final int MAX_ACCELERATORS = 64;
    /** Most processing elements of one accelerator. */
    public static final int MAX_PES = 1 << 24;
    /** Fastest clock, MHz. */
    public static final double MAX_CLOCK_MHZ = 1_000_000;
    /** Widest NoC or off-chip bandwidth, words per cycle. */
    public static final int MAX_BANDWIDTH = 1 << 24;
    /** Largest buffer or local memory, bytes (1 PiB). */
    public static final long MAX_MEMORY_BYTES = 1L << 50;

    /** Slowest frame rate: a period of 1000 s. */
    public static final double MIN_FPS = 1e-3;
    /** Fastest frame rate: a period of 1 µs. */
    public static final double MAX_FPS = 1e6;
    /** Longest relative deadline, release offset and release jitter, ns (10 000 s). */
    public static final long MAX_TIME_NS = 10_000_000_000_000L;
    /** Longest latency of one layer on one accelerator, ns (1000 s). */
    public static final long MAX_LATENCY_NS = 1_000_000_000_000L;
    /**
     * Most utilisation of an instance under a latency table: the sum over tasks of fps × the slowest
     * latency of a frame (every layer on its slowest accelerator and implementation) / 1e9, in
     * accelerators' worth. It bounds every load the offline stage sums, in ppm, to 1e12.
     */
    public static final double MAX_UTILISATION = 1e6;
    /** Largest task weight. */
    public static final double MAX_WEIGHT = 1e6;

    /** Longest simulated horizon and any other duration of the command line, ns (100 000 s, about 28 h). */
    public static final long MAX_HORIZON_NS = 100_000_000_000_000L;
    /** Smallest load factor (of a sweep, a simulation, or a solve's cap). */
    public static final double MIN_LOAD = 1e-3;
    /** Largest load factor (of a sweep, a simulation, or a solve's cap). */
    public static final double MAX_LOAD = 100;
    /** Most load levels of one sweep. */
    public static final int MAX_LOAD_LEVELS = 1_000;
    /** Most frames one simulation run releases (before the horizon, counted from the rates up front). */
    public static final long MAX_FRAMES_PER_RUN = 100_000_000;
    /**
     * Latest simulated time a run may reach, ns (about 32 years): its horizon plus the work of every
     * frame it releases, each layer at its slowest, bounds its clock, which must not overflow.
     */
    public static final long MAX_SIMULATED_NS = 1_000_000_000_000_000_000L;
    /** Most rows a traced {@code simulate} writes into its timeline (about 100 bytes each). */
    public static final long MAX_TIMELINE_ROWS = 20_000_000;
    /** Largest input file the toolkit reads (256 MiB). */
    public static final long MAX_INPUT_BYTES = 256L << 20;

    /**
     * A name that becomes a file name (instance, model, layer, task, scenario, suite): checked against
     * {@link #NAME_RULE}, so that it can never point outside the folder it is written into.
     *
     * @throws DomainException at {@code field} when the name is missing or breaks the rule
     */
    public static String requireName(String value, String field, String where) {
        Checks.requireName(value, field, where);
        if (value.length() > MAX_NAME_LENGTH || !NAME.matcher(value).matches()) {
            throw new DomainException(field, "The " + field + " (" + value + ") of " + where + " must be " + NAME_RULE
                    + ", because it becomes a file name; maybe " + suggestName(value));
        }
        return value;
    }

    /** Whether a name follows {@link #NAME_RULE}. */
    public static boolean isName(String value) {
        return value != null && value.length() <= MAX_NAME_LENGTH && NAME.matcher(value).matches();
    }

    private static String suggestName(String value) {
        String s = value.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("\\.\\.+", "_").replaceAll("_+", "_").replaceFirst("^[._-]+", "");
        s = s.length() > MAX_NAME_LENGTH ? s.substring(0, MAX_NAME_LENGTH) : s;
        return s.isEmpty() || !NAME.matcher(s).matches() ? "a name such as model_1" : s;
    }

    /**
     * A whole number in [min, max].
     *
     * @throws DomainException at {@code field} otherwise
     */
    public static long inRange(long value, long min, long max, String field, String where, String unit) {
        if (value < min || value > max) {
            throw new DomainException(field, "The " + field + " (" + value + unit(unit) + ") of " + where + " must be in ["
                    + format(min) + ", " + format(max) + "]" + unit(unit));
        }
        return value;
    }

    /**
     * A finite number in [min, max].
     *
     * @throws DomainException at {@code field} otherwise (NaN and infinities included)
     */
    public static double inRange(double value, double min, double max, String field, String where, String unit) {
        if (!(value >= min && value <= max)) {
            throw new DomainException(field, "The " + field + " (" + format(value) + unit(unit) + ") of " + where + " must be in ["
                    + format(min) + ", " + format(max) + "]" + unit(unit));
        }
        return value;
    }

    /** A number as a user would write it: {@code 1000000}, {@code 1e13}, {@code 0.001}. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        if (v == Math.rint(v) && Math.abs(v) <= 1e18 && Long.toString((long) v).matches("-?[1-9]0+")) {
            return String.format(Locale.ROOT, "%se%d", v < 0 ? "-1" : "1", Long.toString(Math.abs((long) v)).length() - 1);
        }
        return Double.toString(v);
    }

    private static String unit(String unit) {
        return unit == null || unit.isEmpty() ? "" : " " + unit;
    }
}
