package org.terastal.domain;

/**
 * One DNN accelerator engine of the SoC.
 *
 * @param id                  unique id
 * @param dataflow            WS, OS or RS
 * @param numPes              number of processing elements
 * @param clockMhz            clock in MHz
 * @param nocBandwidth        on-chip network bandwidth in words per cycle (global buffer to PE array)
 * @param offchipBandwidth    off-chip bandwidth in words per cycle
 * @param globalBufferBytes   global (shared) buffer size in bytes
 * @param localMemoryBytes    PE-local memory size in bytes
 */
public record Accelerator(String id, Dataflow dataflow, int numPes, double clockMhz, int nocBandwidth,
                          int offchipBandwidth, long globalBufferBytes, long localMemoryBytes) {
    public Accelerator {
        Checks.requireName(id, "id", "an accelerator");
        String where = "accelerator '" + id + "'";
        Checks.requireNonNull(dataflow, "dataflow", where);
        Checks.positive(numPes, "numPes", where);
        Checks.positiveFinite(clockMhz, "clockMhz", where);
        Checks.positive(nocBandwidth, "nocBandwidth", where);
        Checks.positive(offchipBandwidth, "offchipBandwidth", where);
        Checks.nonNegative(globalBufferBytes, "globalBufferBytes", where);
        Checks.nonNegative(localMemoryBytes, "localMemoryBytes", where);
    }
}
