package org.terastal.io.maestro;

import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;

/**
 * One {@code Accelerator} block of an XRBench/MAESTRO hardware file, every key kept.
 * Bandwidths are in words per cycle and latencies in cycles, as MAESTRO reads them; memory
 * sizes are in bytes.
 *
 * @param name               block name, e.g. {@code Acc0_2K}
 * @param numPes             {@code num_pes}
 * @param offchipBw          {@code offchip_bw}
 * @param topNocBw           {@code top_noc_bw}: global buffer to PE clusters
 * @param topNocLatency      {@code top_noc_latency}
 * @param topNocMulticast    {@code top_noc_multicast}
 * @param colNocBw           {@code col_noc_bw}: within a cluster column
 * @param colNocLatency      {@code col_noc_latency}
 * @param colNocMulticast    {@code col_noc_multicast}
 * @param globalSharedMemory {@code global_shared_memory}
 * @param peLocalMemory      {@code PE_local_memory}
 */
public record MaestroAccelerator(String name, int numPes, int offchipBw, int topNocBw, int topNocLatency,
                                 boolean topNocMulticast, int colNocBw, int colNocLatency, boolean colNocMulticast,
                                 long globalSharedMemory, long peLocalMemory) {

    /**
     * MAESTRO counts cycles and XRBench turns them into time at 1 GHz (latency_ms = cycles / 1e6);
     * the hardware files carry no clock, so this is the clock every converted accelerator gets.
     */
    public static final double CLOCK_MHZ = 1000;

    public MaestroAccelerator {
        if (!MaestroTokens.isWord(name)) {
            throw new IllegalArgumentException("The accelerator name '" + name + "' cannot be written in MAESTRO format; "
                    + "use a non-empty name without white space, braces, ':', ',', ';' or '//'");
        }
        String where = "accelerator '" + name + "'";
        long[] positive = {numPes, offchipBw, topNocBw, colNocBw, globalSharedMemory, peLocalMemory};
        String[] positiveNames = {"num_pes", "offchip_bw", "top_noc_bw", "col_noc_bw", "global_shared_memory", "PE_local_memory"};
        for (int i = 0; i < positive.length; i++) {
            if (positive[i] <= 0) {
                throw new IllegalArgumentException("The " + positiveNames[i] + " (" + positive[i] + ") of " + where + " must be positive");
            }
        }
        if (topNocLatency < 0 || colNocLatency < 0) {
            throw new IllegalArgumentException("The NoC latencies (top " + topNocLatency + ", col " + colNocLatency + ") of "
                    + where + " must not be negative");
        }
    }

    /**
     * The domain accelerator with that dataflow: id = block name, NoC bandwidth = top_noc_bw,
     * off-chip bandwidth = offchip_bw, global buffer = global_shared_memory, PE-local memory =
     * PE_local_memory, clock {@link #CLOCK_MHZ}. The column NoC, latencies and multicast flags
     * have no field there; a cost model that wants them reads this record.
     */
    public Accelerator toAccelerator(Dataflow dataflow) {
        return new Accelerator(name, dataflow, numPes, CLOCK_MHZ, topNocBw, offchipBw, globalSharedMemory, peLocalMemory);
    }
}
