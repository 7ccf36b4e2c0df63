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
        Limits.inRange(numPes, 1, Limits.MAX_PES, "numPes", where, "");
        Checks.positiveFinite(clockMhz, "clockMhz", where);
        Limits.inRange(clockMhz, 0, Limits.MAX_CLOCK_MHZ, "clockMhz", where, "MHz");
        Limits.inRange(nocBandwidth, 1, Limits.MAX_BANDWIDTH, "nocBandwidth", where, "words/cycle");
        Limits.inRange(offchipBandwidth, 1, Limits.MAX_BANDWIDTH, "offchipBandwidth", where, "words/cycle");
        Limits.inRange(globalBufferBytes, 0, Limits.MAX_MEMORY_BYTES, "globalBufferBytes", where, "bytes");
        Limits.inRange(localMemoryBytes, 0, Limits.MAX_MEMORY_BYTES, "localMemoryBytes", where, "bytes");
    }
}
