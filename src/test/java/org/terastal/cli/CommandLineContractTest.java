package org.terastal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.terastal.cli.CliTest.Run;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line's promises to its users: a wrong command line is exit code 2, any other failure
 * exit code 1, every line on stderr names the program and the command, placeholders look alike,
 * durations say their units and the command list shows whole sentences.
 */
class CommandLineContractTest {
    private static final String I = "instances/skewed-vision.json";
    private static final String HW = "platforms/Dual_4K.m";

    static Stream<Arguments> failingCommandLines() {
        return Stream.of(
                // usage errors: unknown words, missing or malformed values, values out of range
                usage("terastal", "bogus"),
                usage("terastal", "help", "bogus"),
                usage("info"),
                usage("info", I, "--bogus"),
                usage("simulate", I, "--scheduler", "edf", "--late", "bogus", "-o", "OUT"),
                usage("simulate", I, "--scheduler", "bogus", "-o", "OUT"),
                usage("simulate", I, "--scheduler", "edf", "--horizon", "10", "-o", "OUT"),
                usage("simulate", I, "--scheduler", "edf", "--load", "-1", "-o", "OUT"),
                usage("simulate", I, "--scheduler", "edf", "--seed", "x", "-o", "OUT"),
                usage("simulate", I, "--scheduler", "terastal", "-o", "OUT"),
                usage("simulate", I, "--scheduler", "edf"),
                usage("solve", I, "--solver", "bogus", "-o", "OUT"),
                usage("solve", I, "--formulation", "bogus", "-o", "OUT"),
                usage("solve", I, "--cap", "0", "-o", "OUT"),
                usage("solve", I, "--workers", "0", "-o", "OUT"),
                usage("solve", I, "--time-limit", "-1", "-o", "OUT"),
                usage("compare", I, "--solvers", "cpsat,bogus", "-o", "OUT"),
                usage("compare", I, "--formulations", "table,bogus", "-o", "OUT"),
                usage("experiment", I, "--schedulers", "edf,bogus", "-o", "OUT"),
                usage("experiment", I, "--schedulers", "edf", "--late", "drop,bogus", "-o", "OUT"),
                usage("experiment", I, "--schedulers", "edf", "--horizon", "5", "-o", "OUT"),
                usage("experiment", I, "--schedulers", "edf", "--loads", "1:0:0.1", "-o", "OUT"),
                usage("experiment", I, "--schedulers", "edf", "--average", "2:1", "-o", "OUT"),
                usage("experiment", I, "--schedulers", "edf", "--seeds", "1,x", "-o", "OUT"),
                usage("experiment", I, "--schedulers", "edf", "--jobs", "0", "-o", "OUT"),
                usage("experiment", I, "--schedulers", "edf", "--shard", "3/2", "-o", "OUT"),
                usage("experiment", I, "--schedulers", "edf", "--trace-window", "2s:1s", "-o", "OUT"),
                usage("experiment", I, "--schedulers", "edf", "--trace-load", "0", "-o", "OUT"),
                usage("experiment", I, "-o", "OUT"),
                usage("report", "OUT", "--late", "bogus", "-o", "OUT"),
                usage("report", "OUT", "--window", "x", "-o", "OUT"),
                // values checked against the results folder once it is read
                usage("report", "results/builtin", "--schedulers", "edf,bogus", "-o", "OUT"),
                usage("report", "results/builtin", "--instance", "bogus", "-o", "OUT"),
                usage("report", "results/builtin", "--load", "9", "-o", "OUT"),
                usage("generate", "--models", "99", "--layers", "10", "-o", "OUT"),
                usage("generate", "--models", "2", "--layers", "10", "--load", "-1", "-o", "OUT"),
                usage("compose", "--name", "x", "--platform", HW, "--model", "models/resnet50.json", "--task", "resnet50@10", "-o", "OUT"),
                usage("compose", "--name", "x", "--platform", HW, "--dataflows", "WS,XX", "--model", "models/resnet50.json", "--task",
                        "resnet50@10", "-o", "OUT"),
                usage("compose", "--name", "x", "--platform", HW, "--dataflows", "WS,OS", "--model", "models/resnet50.json", "--task",
                        "resnet50@abc", "-o", "OUT"),
                usage("import", "--model", "src/test/resources/maestro/AR_gaming.m", "--hw", HW, "--dataflows", "WS,OS", "--floor", "2", "-o",
                        "OUT"),
                usage("import", "--model", "SCENARIO.m", "--hw", HW, "--dataflows", "ws,xx", "-o", "OUT"),
                usage("suite", "--name", "s", "--platform", HW, "--dataflows", "WS,XX", "--pool", "models", "--seed", "1", "-o", "OUT"),
                usage("suite", "--name", "s", "--platform", HW, "--dataflows", "WS,OS", "--pool", "models", "--seed", "1", "--sets", "many",
                        "-o", "OUT"),
                usage("export", I, "--format", "bogus", "-o", "OUT"),
                usage("merge"),
                // failures: the command line is right, the files are not
                failure("info", "no-such.json"),
                failure("latency", "no-such.json", "-o", "OUT"),
                failure("check", I, "no-such-solution.json"),
                failure("simulate", "no-such.json", "--scheduler", "edf", "-o", "OUT"),
                failure("experiment", "no-such.json", "--schedulers", "edf", "-o", "OUT"),
                failure("merge", "no-such-folder", "-o", "OUT"),
                failure("models", "no-such.json", "-o", "OUT"));
    }

    private static Arguments usage(String... args) {
        return Arguments.of(List.of(args), CommandErrors.USAGE);
    }

    private static Arguments failure(String... args) {
        return Arguments.of(List.of(args), CommandErrors.FAILURE);
    }

    @ParameterizedTest
    @MethodSource("failingCommandLines")
    void everyErrorLineNamesTheCommandAndTheExitCodeSaysWhatWentWrong(List<String> args, int code, @TempDir Path dir) throws IOException {
        List<String> line = new ArrayList<>();
        for (String a : args) {
            line.add(a.contains("OUT") ? dir.resolve(a).toString() : a);
        }
        if (line.get(0).equals("terastal")) {
            line.remove(0);
        }
        Run r = CliTest.run(line.toArray(String[]::new));
        String command = args.get(0).equals("terastal") || args.get(0).equals("help") ? "terastal: " : "terastal " + args.get(0) + ": ";
        assertEquals(code, r.code(), args + ": " + r.err());
        assertFalse(r.err().isEmpty(), args + " says nothing");
        for (String errLine : r.err().lines().toList()) {
            assertTrue(errLine.startsWith(command), args + ": '" + errLine + "' does not start with '" + command + "'");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), args + ": nothing written");
        }
    }

    @Test
    void aWrongChoiceListsTheAcceptedValues() {
        Run r = CliTest.run("simulate", I, "--scheduler", "edf", "--late", "bogus", "-o", "x");
        assertEquals("terastal simulate: Invalid value for option '--late': The late-frame policy (bogus) is not one of drop, continue\n", r.err());
        Run s = CliTest.run("solve", I, "--solver", "gurobi", "-o", "x");
        assertEquals("terastal solve: Invalid value for option '--solver': The solver (gurobi) is not one of cpsat, choco, scip\n", s.err());
    }

    @Test
    void dataflowsAreReadInAnyCaseByEveryCommandThatTakesThem(@TempDir Path dir) {
        Run imported = CliTest.run("import", "--model", "src/test/resources/maestro/AR_gaming.m", "--hw", HW, "--dataflows", "ws,os", "-o",
                dir.resolve("i.json").toString());
        assertEquals(0, imported.code(), imported.err());
        Run suite = CliTest.run("suite", "--name", "s", "--platform", HW, "--dataflows", "ws,Os", "--pool", "models", "--seed", "1", "--sets",
                "1", "-o", dir.resolve("s").toString());
        assertEquals(0, suite.code(), suite.err());
    }

    /** Every subcommand of {@code terastal}, with the program itself. */
    private static List<CommandSpec> commands() {
        CommandLine root = new CommandLine(new Main());
        List<CommandSpec> specs = new ArrayList<>(List.of(root.getCommandSpec()));
        root.getSubcommands().values().forEach(c -> specs.add(c.getCommandSpec()));
        return specs;
    }

    @Test
    void placeholdersAreUpperCaseWords() {
        for (CommandSpec command : commands()) {
            List<ArgSpec> args = new ArrayList<>(command.options());
            args.addAll(command.positionalParameters());
            for (ArgSpec arg : args) {
                if (arg.typeInfo().isBoolean()) {
                    continue;
                }
                String label = arg.paramLabel();
                assertTrue(!label.contains("<") && label.equals(label.toUpperCase(Locale.ROOT)),
                        command.qualifiedName() + " " + name(arg) + ": the placeholder " + label + " is not an upper-case word such as FILE or N");
            }
        }
    }

    @Test
    void everyDurationStatesItsUnit() {
        int durations = 0;
        for (CommandSpec command : commands()) {
            for (OptionSpec option : command.options()) {
                String name = option.longestName();
                boolean typed = option.converters().length > 0
                        && (option.converters()[0] instanceof OptionTypes.Duration || option.converters()[0] instanceof OptionTypes.Window);
                boolean looksLikeTime = name.matches(".*(horizon|window|time|limit|duration|timeout).*");
                String description = String.join(" ", option.description());
                if (typed) {
                    durations++;
                    assertTrue(description.contains(OptionTypes.DURATION_UNITS), command.qualifiedName() + " " + name + ": " + description);
                } else if (looksLikeTime) {
                    assertEquals("SECONDS", option.paramLabel(), command.qualifiedName() + " " + name + " takes a duration without a unit");
                    assertTrue(description.contains("seconds"), command.qualifiedName() + " " + name + ": " + description);
                }
            }
        }
        assertEquals(4, durations, "--horizon (simulate, experiment), --trace-window (experiment), --window (report)");
    }

    /** The command list shows the first line of each description, which must therefore be a whole sentence. */
    @Test
    void theCommandListShowsWholeSentences() {
        for (CommandSpec command : commands()) {
            String first = command.usageMessage().description()[0];
            assertTrue(first.endsWith("."), command.qualifiedName() + ": the command list would show '" + first + "'");
        }
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }
}
