package org.terastal.cli;

import java.nio.file.Path;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.io.json.InstanceFiles;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The instance a command works on, and where its latencies come from. */
final class InstanceOptions {
    @Parameters(index = "0", paramLabel = "INSTANCE", description = "Instance file (JSON, format terastal-instance/1).")
    Path instanceFile;

    @Option(names = "--latency", paramLabel = "CSV",
            description = "Latency table (CSV, e.g. MAESTRO or profiler figures) to use instead of the built-in cost model.")
    Path latencyFile;

    Instance instance() {
        return InstanceFiles.read(instanceFile);
    }

    LatencyTable latencies(Instance instance) {
        return LatencyInputs.forInstance(instance, latencyFile);
    }
}
