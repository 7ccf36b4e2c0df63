package org.terastal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.terastal.io.results.TraceFiles;
import org.terastal.sweep.SweepMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code terastal merge}: the outputs of a sweep run in shards ({@code terastal experiment --shard k/n}).
 * Checks that the folders hold the same sweep and every cell of it exactly once, then writes the
 * {@code metrics.csv} and {@code report.txt} an unsharded run writes, byte for byte, and copies the
 * traces shard 1 wrote.
 */
@Command(name = "merge", description = {"Merge the cell files of a sharded sweep (terastal experiment --shard K/N) into metrics.csv and report.txt.",
        "Writes the same bytes an unsharded run writes; names the cells that are missing."})
public final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Output folders of the shards (or one folder they all wrote to).")
    List<Path> dirs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder for metrics.csv and report.txt.")
    Path output;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, () -> {
            PrintWriter out = spec.commandLine().getOut();
            StringBuilder copied = new StringBuilder();
            // shard 1 keeps the traces the HTML report needs; the first folder that has them is copied
            out.print(SweepMerge.merge(dirs, output, () -> {
                Path withTraces = dirs.stream().filter(d -> Files.exists(d.resolve(TraceFiles.FOLDER).resolve(TraceFiles.INDEX)))
                        .findFirst().orElse(null);
                if (withTraces == null) {
                    copied.append(String.format("no traces in %s (shard 1 writes them); terastal report needs them%n", dirs));
                } else if (!isSameFile(withTraces, output)) {
                    copied.append(String.format("copied %d traced runs from %s%n", TraceFiles.copy(withTraces, output), withTraces));
                }
            }));
            out.print(copied);
            out.printf("wrote %s%n", output);
            out.flush();
            return 0;
        });
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compare " + a + " with " + b + ": " + e.getMessage(), e);
        }
    }
}
