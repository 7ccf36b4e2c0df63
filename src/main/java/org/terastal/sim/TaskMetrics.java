package org.terastal.sim;

/**
 * Outcome of one task's frames in a run: two tasks of one model (two cameras, say) are reported
 * apart here, while {@link SimResult#models()} merges them.
 *
 * @param task    task id
 * @param metrics the task's figures; {@code metrics.model()} is the id of the model the task runs
 */
public record TaskMetrics(String task, ModelMetrics metrics) {
    /** The id of the model the task runs. */
    public String model() {
        return metrics.model();
    }
}
