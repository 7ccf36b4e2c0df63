package org.terastal.cli;

import java.nio.file.Path;
import java.util.List;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.io.csv.LatencyCsv;
import org.terastal.io.json.InstanceFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terastal latency}: the latency table of an instance as CSV. */
@Command(name = "latency", description = {
        "Write the latency table of an instance as CSV.",
        "The latency of every layer (original and variant) on every accelerator, in integer ns.",
        "Edit it or replace it with MAESTRO or profiler figures, then pass it back with --latency."})
final class LatencyCommand implements Runnable {
    @Mixin
    InstanceOptions options;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "CSV", description = "Output file.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Instance instance = options.instance();
        LatencyTable table = options.latencies(instance);
        LatencyCsv.write(output, table, instance, List.of(
                "Latency table of instance '" + instance.name() + "' (" + InstanceFiles.checksum(instance) + ")",
                "Source: " + table.source() + "; latency_ns in integer nanoseconds"));
        spec.commandLine().getOut().println("Wrote " + output);
    }
}
