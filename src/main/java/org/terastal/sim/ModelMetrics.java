package org.terastal.sim;

/**
 * Outcome of one model's frames in a run (or of all frames, with model {@value #OVERALL}).
 *
 * @param model            model id, or {@value #OVERALL}
 * @param released         frames released
 * @param onTime           frames completed at or before their deadline
 * @param missed           frames completed after their deadline
 * @param dropped          frames abandoned under the drop policy
 * @param missRate         deadline-miss rate (missed + dropped) / released, 0 when nothing was released;
 *                         for {@value #OVERALL} each frame counts with its task's weight
 * @param responseP50Ns    median response time (finish − release) of completed frames, nearest rank; 0 when none completed
 * @param responseP95Ns    95th percentile response time
 * @param responseP99Ns    99th percentile response time
 * @param responseMaxNs    largest response time
 * @param tardinessMeanNs  mean of max(0, finish − deadline) over completed frames
 * @param tardinessMaxNs   largest tardiness
 * @param accuracyLossMean mean normalised accuracy loss 1 − Acc(variants used)/Acc(baseline) over completed frames;
 *                         NaN if a frame used a combination the accuracy table does not measure
 * @param accuracyLossMax  largest normalised accuracy loss of a completed frame
 */
public record ModelMetrics(String model, long released, long onTime, long missed, long dropped, double missRate,
                           long responseP50Ns, long responseP95Ns, long responseP99Ns, long responseMaxNs,
                           double tardinessMeanNs, long tardinessMaxNs, double accuracyLossMean, double accuracyLossMax) {
    /** The name of the all-models row. */
    public static final String OVERALL = "overall";

    /** Frames that completed, on time or not. */
    public long completed() {
        return onTime + missed;
    }
}
