package org.terastal.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.terastal.domain.DomainException;
import org.terastal.io.InputException;
import org.terastal.io.json.JsonFormats;
import org.terastal.io.json.JsonInputs;
import org.terastal.online.Schedulers;
import org.terastal.sim.Durations;
import org.terastal.sim.LatePolicy;

/**
 * Reads sweep files ({@value #FORMAT}, JSON; schema {@code schema/terastal-sweep-1.schema.json}).
 * Paths inside are relative to the sweep file's folder. Fields left out take the defaults of the
 * command line: every scheduler, seed 1, loads {@value Sweep#DEFAULT_LOADS}, both late-frame
 * policies, a 10 s horizon, averaging range {@value Sweep#DEFAULT_AVERAGE}.
 */
public final class SweepFiles {
    /** Format tag of sweep files. */
    public static final String FORMAT = JsonFormats.SWEEP;

    private SweepFiles() {
    }

    /**
     * Whether a file is a sweep file of any version: JSON whose {@code format} is of the family of
     * {@value #FORMAT}, read before the rest of the file, so a sweep file broken further down is
     * still taken for one (and {@link #read} names its fault).
     *
     * @throws InputException naming the file when it cannot be read or is not JSON up to its format field
     */
    public static boolean isSweepFile(Path file) {
        JsonFormats.Found found = JsonFormats.formatOf(file);
        return found != null && JsonFormats.sameFamily(found.tag(), FORMAT);
    }

    /** Reads and validates a sweep file; every failure is one {@link InputException} naming file, place and field. */
    public static Sweep read(Path file) {
        SweepJson json = JsonInputs.read(file, SweepJson.class, FORMAT);
        Path base = file.toAbsolutePath().getParent();
        return json.toSweep(base);
    }

    /** A scenario as written: paths relative to the sweep file. */
    record ScenarioJson(String name, String instance, String solution, String latency) implements JsonInputs.Checked {
        @Override
        public Sweep.Scenario toDomain() {
            return resolve(Path.of(""));
        }

        Sweep.Scenario resolve(Path base) {
            if (instance == null) {
                throw new DomainException("instance", "The field 'instance' of a scenario is missing; give the instance file, relative to the sweep file");
            }
            return new Sweep.Scenario(name, path(base, instance, "instance"), path(base, solution, "solution"), path(base, latency, "latency"));
        }

        static Path path(Path base, String text, String field) {
            if (text == null) {
                return null;
            }
            if (text.isBlank()) {
                throw new DomainException(field, "The " + field + " path of a scenario is blank; give a file or leave the field out");
            }
            return base.resolve(text).normalize();
        }
    }

    /** A suite as written: paths relative to the sweep file. */
    record SuiteJson(String name, String suite, String latency) implements JsonInputs.Checked {
        @Override
        public Sweep.SuiteSource toDomain() {
            return resolve(Path.of(""));
        }

        Sweep.SuiteSource resolve(Path base) {
            if (suite == null) {
                throw new DomainException("suite", "The field 'suite' of a suite entry is missing; give the folder terastal suite wrote, relative to the sweep file");
            }
            return new Sweep.SuiteSource(name, ScenarioJson.path(base, suite, "suite"), ScenarioJson.path(base, latency, "latency"));
        }
    }

    /** The whole file. {@code loads} is a list of numbers or the text {@code FROM:TO:STEP}. */
    record SweepJson(String format, String description, List<ScenarioJson> scenarios, List<SuiteJson> suites, List<String> schedulers,
                     List<Long> seeds, JsonNode loads, List<String> late, String horizon, String average) implements JsonInputs.Checked {
        @Override
        public Sweep toDomain() {
            return toSweep(Path.of(""));
        }

        Sweep toSweep(Path base) {
            if ((scenarios == null || scenarios.isEmpty()) && (suites == null || suites.isEmpty())) {
                throw new DomainException("scenarios", "The sweep names no scenarios and no suites; give at least one {\"instance\": …} or {\"suite\": …}");
            }
            List<Sweep.SuiteSource> suiteSources = new ArrayList<>();
            for (int i = 0; suites != null && i < suites.size(); i++) {
                if (suites.get(i) == null) {
                    throw new DomainException("suites[" + i + "]", "The suites list has an empty (null) entry at index " + i);
                }
                try {
                    suiteSources.add(suites.get(i).resolve(base));
                } catch (DomainException e) {
                    throw e.under("suites[" + i + "]");
                }
            }
            List<Sweep.Scenario> resolved = new ArrayList<>();
            for (int i = 0; scenarios != null && i < scenarios.size(); i++) {
                if (scenarios.get(i) == null) {
                    throw new DomainException("scenarios[" + i + "]", "The scenarios list has an empty (null) entry at index " + i);
                }
                try {
                    resolved.add(scenarios.get(i).resolve(base));
                } catch (DomainException e) {
                    throw e.under("scenarios[" + i + "]");
                }
            }
            List<LatePolicy> policies = new ArrayList<>();
            List<String> lateLabels = late == null ? List.of("drop", "continue") : late;
            for (int i = 0; i < lateLabels.size(); i++) {
                try {
                    policies.add(LatePolicy.parse(lateLabels.get(i) == null ? "null" : lateLabels.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new DomainException("late[" + i + "]", e.getMessage());
                }
            }
            long horizonNs;
            try {
                horizonNs = Durations.parseNs(horizon == null ? "10s" : horizon);
            } catch (IllegalArgumentException e) {
                throw new DomainException("horizon", e.getMessage());
            }
            double[] range = Sweep.parseRange(average == null ? Sweep.DEFAULT_AVERAGE : average);
            return new Sweep(resolved, suiteSources, schedulers == null ? Schedulers.NAMES : schedulers, seeds == null ? List.of(1L) : seeds,
                    loadLevels(), policies, horizonNs, range[0], range[1]);
        }

        private List<Double> loadLevels() {
            if (loads == null || loads.isNull()) {
                return Sweep.parseLoads(Sweep.DEFAULT_LOADS);
            }
            if (loads.isTextual()) {
                return Sweep.parseLoads(loads.asText());
            }
            if (!loads.isArray()) {
                throw new DomainException("loads", "The loads are neither a list of numbers nor the text FROM:TO:STEP, e.g. \""
                        + Sweep.DEFAULT_LOADS + "\"");
            }
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < loads.size(); i++) {
                if (!loads.get(i).isNumber()) {
                    throw new DomainException("loads[" + i + "]", "The load (" + loads.get(i) + ") is not a number");
                }
                values.add(loads.get(i).asDouble());
            }
            return values;
        }
    }
}
