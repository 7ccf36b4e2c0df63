package org.terastal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.domain.Instance;
import org.terastal.domain.Solution;
import org.terastal.domain.SolveStatus;
import org.terastal.domain.Task;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.offline.Diagnosis;
import org.terastal.offline.InstanceGenerator;
import org.terastal.offline.Objectives;
import org.terastal.offline.OfflineSolver;
import org.terastal.offline.TestInstances;
import org.terastal.sweep.SweepPlan;
import picocli.CommandLine;

class OfflineCommandsTest {
    private static final String LATENCY = TestInstances.LATENCY_CSV.toString();

    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one command. */
    record Run(int code, String out, String err) {
    }

    private static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CommandErrors.install(new CommandLine(command));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path instance(String name) {
        Path file = dir.resolve(name.replace('@', '-').replace('+', '_') + ".json");
        InstanceFiles.write(file, TestInstances.named(name));
        return file;
    }

    @Test
    void solveWritesThePlanAndCheckAcceptsIt() throws Exception {
        Path inst = instance("vgg11@40+sp2dense@40");
        Path plan = dir.resolve("plan.json");
        Path csv = dir.resolve("plan.csv");
        Run solve = run(new SolveCommand(), inst.toString(), "--latency", LATENCY, "-o", plan.toString(), "--csv", csv.toString());
        assertEquals(0, solve.code(), solve.err());
        assertTrue(solve.out().contains("load before (every layer on its fastest accelerator, no variants): ws 0.9718  os 0.0600"),
                solve.out());
        assertTrue(solve.out().contains("OPTIMAL with cpsat, formulation table"), solve.out());
        assertTrue(solve.out().contains("load after (the plan's homes and implementations):              ws 0.5052  os 0.5046"),
                solve.out());
        assertTrue(solve.out().contains("  sp2dense           layer4_0_conv2, layer4_1_conv2 (worst-case accuracy 0.9927)"), solve.out());
        assertTrue(solve.out().contains("  maxLoadPpm                         505210       505210"), solve.out());
        Solution solution = SolutionFiles.read(plan);
        assertEquals(SolveStatus.OPTIMAL, solution.status());
        assertEquals(List.of("model,layer,position,home,implementation,budget_ns,deadline_offset_ns,flexible,variant_enabled,"
                + "worst_case_accuracy,original_ns_ws,original_ns_os,variant_ns_ws,variant_ns_os"), Files.readAllLines(csv).subList(0, 1));
        assertEquals(1 + 11 + 39, Files.readAllLines(csv).size());

        Run check = run(new CheckCommand(), inst.toString(), plan.toString(), "--latency", LATENCY);
        assertEquals(0, check.code(), check.out() + check.err());
        assertEquals("ok: " + plan + " keeps every rule for instance 'vgg11-40_sp2dense-40' (2 models, 50 layers, OPTIMAL)\n", check.out());
    }

    @Test
    void checkListsEveryViolationOfATamperedPlan() throws Exception {
        Path inst = instance("vgg11@50");
        Path plan = dir.resolve("plan.json");
        assertEquals(0, run(new SolveCommand(), inst.toString(), "--latency", LATENCY, "-o", plan.toString()).code());
        String text = Files.readString(plan);
        String tampered = text.replace("\"capPpm\": \"1000000\"", "\"capPpm\": \"300000\"").replaceFirst("\"accuracyLossPpm\": 0}",
                "\"accuracyLossPpm\": 5}");
        Files.writeString(plan, tampered);
        Run check = run(new CheckCommand(), inst.toString(), plan.toString(), "--latency", LATENCY);
        assertEquals(1, check.code());
        assertTrue(check.out().contains("LOAD: The load ("), check.out());
        assertTrue(check.out().contains("OBJECTIVE: The objective term accuracyLossPpm (5) is not what the plan gives (0)"), check.out());
        assertTrue(check.err().startsWith("terastal check: "), check.err());
    }

    @Test
    void noPlanMeansNoFileAndTheReason() {
        Path inst = instance("vgg11@50");
        Path plan = dir.resolve("plan.json");
        Run solve = run(new SolveCommand(), inst.toString(), "--latency", LATENCY, "--cap", "0.42", "--solver", "choco", "-o", plan.toString());
        assertEquals(1, solve.code());
        assertTrue(solve.err().startsWith("terastal solve: no plan: the accelerators cannot carry the load: even with every layer split at will"),
                solve.err());
        assertTrue(solve.err().endsWith("\nterastal solve: nothing written\n"), solve.err());
        assertFalse(Files.exists(plan));
    }

    @Test
    void anOverloadedInstanceNamesTheCapItNeedsAndSolvesAtTheLowest() throws Exception {
        // 1.33 of load at 60 fps each, with deadlines of 100 ms that the chains meet on either engine
        Instance pair = TestInstances.mix("overloaded", TestInstances.ordered("resnet50", 60.0, "inceptionv3", 60.0));
        Path inst = dir.resolve("overloaded.json");
        InstanceFiles.write(inst, new Instance(pair.name(), pair.description(), pair.platform(), pair.models(),
                pair.tasks().stream().map(t -> new Task(t.id(), t.model(), t.fps(), 100_000_000, 0, 0, null, 1.0)).toList()));
        Path plan = dir.resolve("plan.json");
        Run capped = run(new SolveCommand(), inst.toString(), "--latency", LATENCY, "-o", plan.toString());
        assertEquals(1, capped.code());
        assertTrue(capped.err().contains("the busiest engine is at 1.33, over the cap 1.00; it needs at least --cap 1.326305"), capped.err());
        assertTrue(capped.err().contains("(--cap auto solves at the lowest cap that has a plan)"), capped.err());
        assertFalse(Files.exists(plan));

        Run auto = run(new SolveCommand(), inst.toString(), "--latency", LATENCY, "--cap", "auto", "-o", plan.toString());
        assertEquals(0, auto.code(), auto.err());
        Solution solution = SolutionFiles.read(plan);
        long cap = solution.objective().get(Objectives.MAX_LOAD);
        assertEquals(Long.toString(cap), solution.parameters().get(OfflineSolver.CAP_PARAMETER));
        assertEquals(OfflineSolver.LOWEST_CAP, solution.parameters().get(OfflineSolver.CAP_CHOICE_PARAMETER));
        assertTrue(auto.out().contains("cap auto (the lowest that has a plan)"), auto.out());
        assertTrue(auto.out().contains("cap " + Diagnosis.exactLoad(cap) + " (auto): the busiest engine's load of the plan that minimises it, "
                + "the lowest cap that has a plan (--cap " + Diagnosis.exactLoad(cap) + " solves the same)"), auto.out());
        String needed = capped.err().replaceFirst("(?s).*it needs at least --cap ([0-9.]+).*", "$1");
        assertTrue(cap >= Math.round(Double.parseDouble(needed) * 1e6), "the lowest cap is at least the proven bound " + needed);
        Run check = run(new CheckCommand(), inst.toString(), plan.toString(), "--latency", LATENCY);
        assertEquals(0, check.code(), check.out() + check.err());

        Run again = run(new SolveCommand(), inst.toString(), "--latency", LATENCY, "--cap", Diagnosis.exactLoad(cap), "-o",
                dir.resolve("again.json").toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(solution.objective(), SolutionFiles.read(dir.resolve("again.json")).objective(), "the named cap solves the same");
        Run below = run(new SolveCommand(), inst.toString(), "--latency", LATENCY, "--cap", Diagnosis.exactLoad(cap - 1), "-o",
                dir.resolve("below.json").toString());
        assertEquals(1, below.code(), below.out());
        assertTrue(below.err().contains("it needs --cap " + Diagnosis.exactLoad(cap) + " (or --cap auto)"), below.err());

        Files.writeString(plan, Files.readString(plan).replace("\"capPpm\": \"" + cap + "\"", "\"capPpm\": \"" + (cap + 1) + "\""));
        Run tampered = run(new CheckCommand(), inst.toString(), plan.toString(), "--latency", LATENCY);
        assertEquals(1, tampered.code());
        assertTrue(tampered.out().contains("LOAD: The cap (" + (cap + 1) + " ppm), chosen as the lowest with a plan, is not the busiest "
                + "accelerator's load of the plan (" + cap + " ppm)"), tampered.out());
    }

    @Test
    void compareTakesNoAutoCap() {
        Run r = run(new CompareCommand(), instance("vgg11@50").toString(), "--latency", LATENCY, "--cap", "auto", "-o",
                dir.resolve("c.csv").toString());
        assertEquals(new Run(2, "", "terastal compare: The cap (auto) must be a number in [0.001, 100] for compare; maybe --cap 1.0\n"), r);
    }

    @Test
    void solveFromAnEarlierPlanNamesWhatItDropsAndRecordsWhereItStarted() throws Exception {
        Path plan = dir.resolve("plan.json");
        assertEquals(0, run(new SolveCommand(), instance("vgg11@40+sp2dense@40").toString(), "--latency", LATENCY, "-o",
                plan.toString()).code());
        Path replan = dir.resolve("replan.json");
        Run warm = run(new SolveCommand(), instance("vgg11@30").toString(), "--latency", LATENCY, "--from", plan.toString(),
                "-o", replan.toString());
        assertEquals(0, warm.code(), warm.err());
        String checksum = SweepPlan.sha256(Files.readAllBytes(plan));
        assertTrue(warm.out().contains("warm start from plan.json (" + checksum + "): hints for 11 of 11 layers\n"
                + "  dropped model sp2dense (39 layers): no task of the instance runs it\n"), warm.out());
        Solution solution = SolutionFiles.read(replan);
        assertEquals("plan.json", solution.parameters().get("warmStartFile"));
        assertEquals(checksum, solution.parameters().get("warmStartChecksum"));

        Run other = run(new SolveCommand(), instance("vgg11@30").toString(), "--latency", LATENCY,
                "--from", "solutions/xrbench-VR_gaming.json", "-o", dir.resolve("other.json").toString());
        assertEquals(new Run(1, "", "terastal solve: The previous solution xrbench-VR_gaming.json (instance 'xrbench-VR_gaming') has no "
                + "layer whose model and home are in instance 'vgg11-30': it is a plan of a different instance; maybe solve without --from\n"),
                new Run(other.code(), "", other.err()));
        assertFalse(Files.exists(dir.resolve("other.json")));
    }

    @Test
    void usageProblemsAreOneLine() {
        Path inst = instance("vgg11@50");
        String out = dir.resolve("plan.json").toString();
        assertEquals(new Run(2, "", "terastal solve: Invalid value for option '--solver': The solver (gurobi) is not one of cpsat, choco, scip\n"),
                run(new SolveCommand(), inst.toString(), "--latency", LATENCY, "--solver", "gurobi", "-o", out));
        Run scip = run(new SolveCommand(), instance("sp2dense@60").toString(), "--latency", LATENCY, "--solver", "scip", "-o", out);
        assertEquals(1, scip.code());
        assertTrue(scip.err().contains("maybe use --formulation mip"), scip.err());
        Run missingFile = run(new SolveCommand(), dir.resolve("none.json").toString(), "--latency", LATENCY, "-o", out);
        assertEquals("terastal solve: " + dir.resolve("none.json") + ": No such file; check the path\n", missingFile.err());
        assertEquals(2, run(new SolveCommand(), inst.toString()).code(), "a missing -o is a usage error");
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void withoutLatencyTheBuiltInCostModelPricesTheInstance() throws Exception {
        Path out = dir.resolve("builtin.json");
        Run r = run(new SolveCommand(), instance("vgg11@50").toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out).contains("builtin/1"), "the solution names its latency source");
    }

    @Test
    void compareRunsEveryBackEndAndFormulationItCan() throws Exception {
        Path a = instance("vgg11@50");
        Path b = instance("sp2dense@60");
        Path results = dir.resolve("results.csv");
        Run compare = run(new CompareCommand(), a.toString(), b.toString(), "--latency", LATENCY, "-o", results.toString());
        assertEquals(0, compare.code(), compare.err());
        // vgg11 admits no variant, so its table formulation has no table and scip takes it
        assertTrue(compare.out().contains("skipped scip with table on sp2dense-60: The scip solver takes linear models only"), compare.out());
        List<String> lines = Files.readAllLines(results);
        assertEquals(CompareCommand.HEADER, lines.get(0));
        assertEquals(1 + 6 + 5, lines.size());
        for (String row : lines.subList(1, lines.size())) {
            String[] f = row.split(",", -1);
            assertEquals("OPTIMAL", f[3], row);
            assertEquals("0", f[14], row);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("sp2dense-60,scip,mip,OPTIMAL,230306,506534,7283,230306,506534,7283,")),
                String.join("\n", lines));
    }

    @Test
    void generateWritesTheGeneratorsInstance() {
        Path file = dir.resolve("gen.json");
        Run gen = run(new GenerateCommand(), "--seed", "3", "--models", "2", "--layers", "12", "--accelerators", "3", "-o", file.toString());
        assertEquals(0, gen.code(), gen.err());
        assertEquals(InstanceGenerator.generate(new InstanceGenerator.Settings(3, 2, 12, 3, 0.5)), InstanceFiles.read(file));
        Run bad = run(new GenerateCommand(), "--models", "40", "--layers", "12", "-o", file.toString());
        assertEquals(new Run(2, "", "terastal generate: The models (40) of the generator must be in 1–32\n"), bad);
    }
}
