package org.terastal.domain;

/**
 * A model running in a scenario.
 *
 * @param id         unique task id (often the model id)
 * @param model      id of the model it runs
 * @param fps        frames per second; the period is {@code round(1e9 / fps)} ns. A cascaded task's rate is its
 *                   parent's rate times the dependency's probability ({@link Instance} checks it), so that
 *                   the offline stage prices it at the rate the simulator releases it
 * @param deadlineNs relative deadline in ns; 0 means "equal to the period" (for a cascaded task, the period
 *                   of its own rate: give it explicitly when it should be the parent's)
 * @param offsetNs   release offset of frame 0 in ns
 * @param jitterNs   maximum release jitter in ns (uniform in [0, jitter])
 * @param dependency cascade on another task, or null for a periodic task
 * @param weight     importance weight in overall metrics, positive
 */
public record Task(String id, String model, double fps, long deadlineNs, long offsetNs, long jitterNs,
                   Dependency dependency, double weight) {

    public Task {
        Limits.requireName(id, "id", "a task");
        String where = "task '" + id + "'";
        Checks.requireName(model, "model", where);
        Limits.inRange(fps, Limits.MIN_FPS, Limits.MAX_FPS, "fps", where, "");
        Limits.inRange(deadlineNs, 0, Limits.MAX_TIME_NS, "deadlineNs", where, "ns");
        Limits.inRange(offsetNs, 0, Limits.MAX_TIME_NS, "offsetNs", where, "ns");
        Limits.inRange(jitterNs, 0, Limits.MAX_TIME_NS, "jitterNs", where, "ns");
        Checks.positiveFinite(weight, "weight", where);
        Limits.inRange(weight, 0, Limits.MAX_WEIGHT, "weight", where, "");
        if (dependency != null && dependency.parent().equals(id)) {
            throw new DomainException("dependsOn.parent", "The dependency of " + where + " names the task itself; a cascade needs another parent task");
        }
    }

    /** Period in ns. */
    public long periodNs() {
        return Math.round(1e9 / fps);
    }

    /** Relative deadline in ns (the period when none is given). */
    public long effectiveDeadlineNs() {
        return deadlineNs == 0 ? periodNs() : deadlineNs;
    }

    /** The same task with its rate scaled by a factor (deadline scaled with the period when it was explicit). */
    public Task scaled(double factor) {
        long deadline = deadlineNs == 0 ? 0 : Math.round(deadlineNs / factor);
        return new Task(id, model, fps * factor, deadline, offsetNs, jitterNs, dependency, weight);
    }
}
