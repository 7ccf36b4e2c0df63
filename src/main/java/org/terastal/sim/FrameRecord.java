package org.terastal.sim;

import java.util.List;

/**
 * One released frame and how it ended: a row of the per-frame CSV.
 *
 * @param task        task id
 * @param model       model id
 * @param frame       index of the frame within its task (k)
 * @param parentFrame index of the parent task's frame whose completion released it, or -1 for a periodic release
 * @param releaseNs   release time
 * @param startNs     start of its first layer, or -1 if no layer ran
 * @param finishNs    completion time, or the time it was dropped
 * @param deadlineNs  absolute deadline
 * @param status      how it ended
 * @param variants    names of the layers that ran as variants, in layer order
 */
public record FrameRecord(String task, String model, int frame, int parentFrame, long releaseNs, long startNs, long finishNs,
                          long deadlineNs, FrameStatus status, List<String> variants) {
    public FrameRecord {
        variants = List.copyOf(variants);
    }
}
