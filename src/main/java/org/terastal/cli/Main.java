package org.terastal.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code terastal} command line: one program, one subcommand per job. */
@Command(name = Main.NAME, mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = Main.Version.class,
        description = "Layer-variant-based soft real-time multi-DNN scheduling on heterogeneous DNN accelerators.",
        subcommands = {HelpCommand.class, InfoCommand.class, LatencyCommand.class, ImportCommand.class, ComposeCommand.class,
            SolveCommand.class, CheckCommand.class, CompareCommand.class, GenerateCommand.class, ExportCommand.class,
            SimulateCommand.class, ExperimentCommand.class, MergeCommand.class, ReportCommand.class, SuiteCommand.class, ModelsCommand.class})
public final class Main implements Runnable {
    /** The program's name, which starts every line it writes to stderr. */
    static final String NAME = "terastal";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line with the given streams; returns the exit code (0 ok, 1 failure, 2 usage). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = CommandErrors.install(new CommandLine(new Main()));
        // the tool prints dataflows and policies in lower case; take them back in any case
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"terastal " + (v == null ? "dev" : v)};
        }
    }
}
