package org.terastal.scenario.suite;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.terastal.domain.Accelerator;
import org.terastal.domain.DomainException;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Limits;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.domain.Task;

/**
 * What a workload suite is drawn from and how. Validated as it is built: a bad setting is a
 * {@link DomainException} whose path is the field's name (e.g. {@code tasks}) and whose message
 * reads "The FIELD (VALUE) ...; maybe ...".
 *
 * @param name               suite name: the sets are named {@code NAME-0000}, {@code NAME-0001}, ...
 * @param pool               models the tasks are drawn from, unique ids
 * @param platform           the SoC of every set
 * @param latency            latency table covering every pool model on the platform's accelerators
 * @param sets               number of task sets
 * @param seed               random seed; set i is drawn from (seed, i) alone
 * @param tasks              number of tasks per set, drawn uniformly in the range
 * @param target             fastest-engine load of the busiest engine that every set's rates are scaled to
 * @param fps                admissible frame rates; a set with a rate outside is redrawn
 * @param jitter             release jitter of a periodic task as a fraction of its period, in [0, 1]
 * @param deadline           relative deadline as a fraction of the period, drawn uniformly in the range; 1:1 is implicit
 * @param cascade            probability that a task after the first becomes a cascade child of an earlier periodic task
 * @param cascadeProbability firing probability of a cascade, drawn uniformly in the range, within (0, 1]
 * @param maxTaskUtil        largest admissible utilisation of one task; a set with a task above it is redrawn
 */
public record SuiteSettings(String name, List<Model> pool, Platform platform, LatencyTable latency, int sets, long seed,
                            IntRange tasks, double target, Range fps, double jitter, Range deadline, double cascade,
                            Range cascadeProbability, double maxTaskUtil) {
    public static final int DEFAULT_SETS = 100;
    public static final IntRange DEFAULT_TASKS = new IntRange(2, 6);
    public static final double DEFAULT_TARGET = 1.25;
    public static final Range DEFAULT_FPS = new Range(1, 120);
    public static final double DEFAULT_JITTER = 0.05;
    public static final Range DEFAULT_DEADLINE = new Range(1, 1);
    public static final double DEFAULT_CASCADE = 0;
    public static final Range DEFAULT_CASCADE_PROBABILITY = new Range(0.5, 1);
    public static final double DEFAULT_MAX_TASK_UTIL = 1;
    /** Most sets in one suite. */
    public static final int MAX_SETS = 100_000;
    /** Most tasks in one set. */
    public static final int MAX_TASKS = 1000;

    /** A closed range of numbers, written {@code MIN:MAX}. */
    public record Range(double min, double max) {
        /** Uniform in [min, max) (exactly min when the range is one point). */
        double draw(SplittableRandom random) {
            return min == max ? min : min + (max - min) * random.nextDouble();
        }

        @Override
        public String toString() {
            return number(min) + ":" + number(max);
        }
    }

    /** A closed range of whole numbers, written {@code MIN:MAX}. */
    public record IntRange(int min, int max) {
        @Override
        public String toString() {
            return min + ":" + max;
        }
    }

    public SuiteSettings {
        if (!Limits.isName(name)) {
            throw problem("name", "The name (" + name + ") of the suite must be " + Limits.NAME_RULE + "; maybe skewed-random");
        }
        pool = checkPool(pool);
        if (platform == null) {
            throw problem("platform", "The platform (none) is missing; maybe give the SoC the sets run on");
        }
        if (latency == null) {
            throw problem("latency", "The latency table (none) is missing; maybe use the built-in cost model");
        }
        List<String> accelerators = platform.accelerators().stream().map(Accelerator::id).toList();
        if (!latency.accelerators().equals(accelerators)) {
            throw problem("latency", "The latency table (" + latency.source() + ") is for the accelerators " + latency.accelerators()
                    + ", not for the platform's " + accelerators + "; maybe build it for this platform");
        }
        for (Model m : pool) {
            if (!latency.hasModel(m.id())) {
                throw problem("latency", "The latency table (" + latency.source() + ") has no figures for the model '" + m.id()
                        + "' of the pool; maybe a table that covers every pool model");
            }
        }
        if (sets < 1 || sets > MAX_SETS) {
            throw problem("sets", "The sets (" + sets + ") must be a whole number from 1 to " + MAX_SETS + "; maybe " + DEFAULT_SETS);
        }
        if (tasks == null || tasks.min() < 1 || tasks.max() > MAX_TASKS) {
            throw problem("tasks", "The tasks (" + tasks + ") must lie within 1:" + MAX_TASKS + "; maybe " + DEFAULT_TASKS);
        }
        if (tasks.min() > tasks.max()) {
            throw problem("tasks", "The tasks (" + tasks + ") have a minimum above the maximum; maybe " + tasks.max() + ":" + tasks.min());
        }
        if (!(target > 0 && Double.isFinite(target))) {
            throw problem("target", "The target (" + number(target) + ") must be a positive load of the busiest engine; maybe " + DEFAULT_TARGET);
        }
        range(fps, "fps", Math.nextDown(Limits.MIN_FPS), Limits.MAX_FPS, "frame rates in [" + number(Limits.MIN_FPS) + ", " + number(Limits.MAX_FPS) + "]",
                DEFAULT_FPS);
        fraction(jitter, "jitter", "a fraction of the period in [0, 1]", DEFAULT_JITTER);
        range(deadline, "deadline", 0, Double.MAX_VALUE, "positive fractions of the period", DEFAULT_DEADLINE);
        fraction(cascade, "cascade", "a probability in [0, 1]", DEFAULT_CASCADE);
        range(cascadeProbability, "cascadeProbability", 0, 1, "probabilities in (0, 1]", DEFAULT_CASCADE_PROBABILITY);
        if (!(maxTaskUtil > 0 && Double.isFinite(maxTaskUtil))) {
            throw problem("maxTaskUtil", "The maxTaskUtil (" + number(maxTaskUtil) + ") must be a positive utilisation; maybe "
                    + number(DEFAULT_MAX_TASK_UTIL));
        }
    }

    /**
     * The pool as an immutable list; fails with a {@link DomainException} at {@code pool} when it is
     * empty or two of its models share an id.
     */
    public static List<Model> checkPool(List<Model> pool) {
        if (pool == null || pool.isEmpty()) {
            throw problem("pool", "The pool (empty) has no models; maybe give at least one model file");
        }
        Set<String> ids = new HashSet<>();
        for (Model m : pool) {
            if (!ids.add(m.id())) {
                throw problem("pool", "The pool (" + pool.stream().map(Model::id).toList() + ") has two models with the id '" + m.id()
                        + "'; maybe leave one of the two files out");
            }
        }
        return List.copyOf(pool);
    }

    /**
     * An instance holding every pool model on the platform, one task of 1 fps each: what a latency
     * table for the pool is built for (the built-in cost model or a CSV).
     */
    public static Instance poolInstance(List<Model> pool, Platform platform) {
        List<Model> models = checkPool(pool);
        return new Instance("pool", "The models of a suite's pool", platform, models,
                models.stream().map(m -> new Task(m.id(), m.id(), 1, 0, 0, 0, null, 1)).toList());
    }

    /** Settings with every default but the name, pool, platform, latency table and seed; change them with the builder. */
    public static Builder builder(String name, List<Model> pool, Platform platform, LatencyTable latency, long seed) {
        return new Builder(name, pool, platform, latency, seed);
    }

    /** Whether deadlines are implicit (equal to the period): the default deadline range 1:1. */
    public boolean implicitDeadlines() {
        return deadline.min() == 1 && deadline.max() == 1;
    }

    /** A range must lie in (lo, hi] with min <= max. */
    private static void range(Range r, String field, double lo, double hi, String what, Range example) {
        if (r == null || !(r.min() > lo && r.max() <= hi && Double.isFinite(r.max()))) {
            throw problem(field, "The " + field + " (" + r + ") must be " + what + "; maybe " + example);
        }
        if (r.min() > r.max()) {
            throw problem(field, "The " + field + " (" + r + ") has a minimum above the maximum; maybe " + new Range(r.max(), r.min()));
        }
    }

    private static void fraction(double value, String field, String what, double example) {
        if (!(value >= 0 && value <= 1)) {
            throw problem(field, "The " + field + " (" + number(value) + ") must be " + what + "; maybe " + number(example));
        }
    }

    private static DomainException problem(String field, String message) {
        return new DomainException(field, message);
    }

    /** A number as a user would write it: {@code 2}, not {@code 2.0}. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Sets the optional settings; every one starts at its default. */
    public static final class Builder {
        private final String name;
        private final List<Model> pool;
        private final Platform platform;
        private final LatencyTable latency;
        private final long seed;
        private int sets = DEFAULT_SETS;
        private IntRange tasks = DEFAULT_TASKS;
        private double target = DEFAULT_TARGET;
        private Range fps = DEFAULT_FPS;
        private double jitter = DEFAULT_JITTER;
        private Range deadline = DEFAULT_DEADLINE;
        private double cascade = DEFAULT_CASCADE;
        private Range cascadeProbability = DEFAULT_CASCADE_PROBABILITY;
        private double maxTaskUtil = DEFAULT_MAX_TASK_UTIL;

        private Builder(String name, List<Model> pool, Platform platform, LatencyTable latency, long seed) {
            this.name = name;
            this.pool = pool;
            this.platform = platform;
            this.latency = latency;
            this.seed = seed;
        }

        public Builder sets(int value) {
            sets = value;
            return this;
        }

        public Builder tasks(IntRange value) {
            tasks = value;
            return this;
        }

        public Builder target(double value) {
            target = value;
            return this;
        }

        public Builder fps(Range value) {
            fps = value;
            return this;
        }

        public Builder jitter(double value) {
            jitter = value;
            return this;
        }

        public Builder deadline(Range value) {
            deadline = value;
            return this;
        }

        public Builder cascade(double value) {
            cascade = value;
            return this;
        }

        public Builder cascadeProbability(Range value) {
            cascadeProbability = value;
            return this;
        }

        public Builder maxTaskUtil(double value) {
            maxTaskUtil = value;
            return this;
        }

        /** The settings; fails with a {@link DomainException} naming the first bad one. */
        public SuiteSettings build() {
            return new SuiteSettings(name, pool, platform, latency, sets, seed, tasks, target, fps, jitter, deadline, cascade,
                    cascadeProbability, maxTaskUtil);
        }
    }
}
