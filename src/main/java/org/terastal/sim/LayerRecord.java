package org.terastal.sim;

import org.terastal.domain.Implementation;

/**
 * One executed layer: a row of the per-layer timeline CSV.
 *
 * @param accelerator    accelerator id
 * @param model          model id
 * @param task           task id
 * @param frame          index of the frame within its task
 * @param layer          layer name
 * @param layerIndex     index of the layer in its model
 * @param implementation implementation that ran
 * @param startNs        start time
 * @param endNs          end time
 */
public record LayerRecord(String accelerator, String model, String task, int frame, String layer, int layerIndex,
                          Implementation implementation, long startNs, long endNs) {
}
