package org.terastal.sim;

/**
 * How busy one accelerator was.
 *
 * @param accelerator accelerator id
 * @param busyNs      total time running layers
 * @param utilisation busy time divided by the run's span (from 0 to the later of the horizon and the last event)
 * @param layers      layers it ran
 */
public record AcceleratorMetrics(String accelerator, long busyNs, double utilisation, long layers) {
}
