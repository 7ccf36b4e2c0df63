package org.terastal.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A solution table: the offline stage's answer for one instance, and how it was obtained.
 *
 * @param instance         name of the instance solved
 * @param instanceChecksum checksum of the instance's canonical file ({@code sha256:…})
 * @param status           solver status
 * @param solver           back-end name and version, e.g. {@code cpsat 9.15.6755}
 * @param formulation      formulation name
 * @param objective        objective terms by name (documented with the formulation), in solve order
 * @param bound            best proven bound of each objective term
 * @param gap              relative gap of the last term solved (0 when optimal)
 * @param wallTimeMs       wall time of the solve in ms
 * @param parameters       solver parameters that decide the result (seed, workers, time limit, …)
 * @param models           one plan per model, in instance order
 */
public record Solution(String instance, String instanceChecksum, SolveStatus status, String solver, String formulation,
                       Map<String, Long> objective, Map<String, Long> bound, double gap, long wallTimeMs,
                       Map<String, String> parameters, List<ModelPlan> models) {
    public Solution {
        Checks.requireName(instance, "instance", "a solution");
        Checks.requireNonNull(status, "status", "a solution");
        objective = Collections.unmodifiableMap(new LinkedHashMap<>(objective));
        bound = Collections.unmodifiableMap(new LinkedHashMap<>(bound));
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        models = List.copyOf(models);
    }

    /** The plan of a model. */
    public ModelPlan plan(String model) {
        return models.stream().filter(p -> p.model().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The solution of '" + instance + "' has no plan for model '" + model + "'"));
    }
}
