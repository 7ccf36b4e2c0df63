package org.terastal.offline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.domain.SolveStatus;
import org.terastal.offline.Formulation;
import org.terastal.offline.Solves;
import org.terastal.offline.TestInstances;
import org.terastal.offline.check.Violation.Kind;

/** The checker catches each kind of violation in a mutated copy of a good solution. */
class SolutionCheckerTest {
    private static Instance instance;
    private static LatencyTable latencies;
    private static Solution good;

    @BeforeAll
    static void solve() {
        instance = TestInstances.named("vgg11@40+sp2dense@40");
        latencies = TestInstances.latencies(instance);
        good = Solves.solve(instance, "cpsat", Formulation.TABLE, 60).solution();
    }

    private static List<Violation> check(Solution s) {
        return SolutionChecker.check(instance, latencies, s);
    }

    private static List<Kind> kinds(Solution s) {
        return check(s).stream().map(Violation::kind).distinct().toList();
    }

    private static Solution with(SolveStatus status, Map<String, Long> objective, Map<String, Long> bound, double gap,
                                 Map<String, String> parameters, List<ModelPlan> models) {
        return new Solution(good.instance(), good.instanceChecksum(), status, good.solver(), good.formulation(), objective, bound, gap,
                good.wallTimeMs(), parameters, models);
    }

    private static Solution withModels(List<ModelPlan> models) {
        return with(good.status(), good.objective(), good.bound(), good.gap(), good.parameters(), models);
    }

    /** The good solution with model {@code m}'s plan replaced. */
    private static Solution withPlan(int m, UnaryOperator<ModelPlan> change) {
        List<ModelPlan> models = new ArrayList<>(good.models());
        models.set(m, change.apply(models.get(m)));
        return withModels(models);
    }

    /** The good solution with layer {@code l} of model {@code m} replaced. */
    private static Solution withLayer(int m, int l, UnaryOperator<LayerPlan> change) {
        return withPlan(m, p -> {
            List<LayerPlan> layers = new ArrayList<>(p.layers());
            layers.set(l, change.apply(layers.get(l)));
            return new ModelPlan(p.model(), p.enabledVariants(), p.worstCaseAccuracy(), layers);
        });
    }

    private static LayerPlan layer(LayerPlan p, String home, Implementation impl, long budget, long offset, boolean flexible,
                                   Map<String, Long> original, Map<String, Long> variant) {
        return new LayerPlan(p.layer(), home, impl, budget, offset, flexible, original, variant);
    }

    private static int indexOf(int m, java.util.function.Predicate<LayerPlan> which) {
        List<LayerPlan> layers = good.models().get(m).layers();
        for (int l = 0; l < layers.size(); l++) {
            if (which.test(layers.get(l))) {
                return l;
            }
        }
        throw new IllegalStateException("the good solution has no such layer");
    }

    @Test
    void theGoodSolutionKeepsEveryRule() {
        assertEquals(List.of(), check(good));
        assertTrue(good.models().get(1).enabledVariants().size() > 0, "the fixture should enable variants");
    }

    @Test
    void anotherInstance() {
        Solution renamed = new Solution("other", "sha256:00", good.status(), good.solver(), good.formulation(), good.objective(),
                good.bound(), good.gap(), good.wallTimeMs(), good.parameters(), good.models());
        assertEquals(List.of(new Violation(Kind.INSTANCE, "The instance (other) of the solution is not 'vgg11-40_sp2dense-40'; maybe the "
                        + "solution belongs to another instance"),
                new Violation(Kind.INSTANCE, "The instanceChecksum (sha256:00) of the solution is not that of instance 'vgg11-40_sp2dense-40' ("
                        + good.instanceChecksum() + "); maybe the instance changed after it was solved: solve it again")), check(renamed));
    }

    @Test
    void aStatusWithoutPlan() {
        assertEquals(List.of(Kind.STATUS),
                kinds(with(SolveStatus.UNKNOWN, good.objective(), Map.of(), 0, good.parameters(), good.models())));
    }

    @Test
    void aMissingCap() {
        Map<String, String> parameters = new LinkedHashMap<>(good.parameters());
        parameters.remove("capPpm");
        assertEquals(List.of(Kind.PARAMETER), kinds(with(good.status(), good.objective(), good.bound(), 0, parameters, good.models())));
    }

    @Test
    void aLoadOverTheCap() {
        Map<String, String> parameters = new LinkedHashMap<>(good.parameters());
        parameters.put("capPpm", "400000");
        List<Violation> v = check(with(good.status(), good.objective(), good.bound(), 0, parameters, good.models()));
        assertEquals(List.of(Kind.LOAD, Kind.LOAD), v.stream().map(Violation::kind).toList());
        assertTrue(v.get(0).message().endsWith("' is over the cap (400000 ppm, 0.4000)"), v.get(0).message());
    }

    @Test
    void missingModelsAndLayers() {
        assertEquals(List.of(Kind.SHAPE), kinds(withModels(List.of(good.models().get(1)))));
        assertEquals(List.of(Kind.SHAPE), kinds(withPlan(0, p -> new ModelPlan(p.model(), p.enabledVariants(), p.worstCaseAccuracy(),
                p.layers().subList(1, p.layers().size())))));
    }

    @Test
    void aVariantSetBelowTheFloorOrNotACandidate() {
        List<Violation> v = check(withPlan(0, p -> new ModelPlan(p.model(), List.of("features_16"), 1.0, p.layers())));
        assertEquals(Kind.VARIANT_SET, v.get(0).kind());
        assertEquals("The enabled variants [features_16] of model 'vgg11' are not admissible: the subset [features_16] has normalised "
                + "accuracy 0.9300, below the floor 0.97", v.get(0).message());
        assertEquals(Kind.VARIANT_SET, check(withPlan(0, p -> new ModelPlan(p.model(), List.of("features_0"), 1.0, p.layers())))
                .get(0).kind());
    }

    @Test
    void aWrongWorstCaseAccuracy() {
        assertEquals(List.of(Kind.ACCURACY), kinds(withPlan(1, p -> new ModelPlan(p.model(), p.enabledVariants(), 0.99, p.layers()))));
    }

    @Test
    void anUnknownHome() {
        assertEquals(Kind.HOME, check(withLayer(0, 0, p -> layer(p, "npu", p.implementation(), p.budgetNs(), p.deadlineOffsetNs(),
                p.flexible(), p.originalNs(), p.variantNs()))).get(0).kind());
    }

    @Test
    void aVariantThatIsNotEnabled() {
        int l = indexOf(1, p -> p.variantNs().isEmpty());
        assertEquals(Kind.IMPLEMENTATION, check(withLayer(1, l, p -> layer(p, p.home(), Implementation.VARIANT, p.budgetNs(),
                p.deadlineOffsetNs(), p.flexible(), p.originalNs(), p.variantNs()))).get(0).kind());
    }

    @Test
    void aWrongLatency() {
        assertEquals(List.of(Kind.LATENCY), kinds(withLayer(0, 0, p -> {
            Map<String, Long> original = new LinkedHashMap<>(p.originalNs());
            original.put("os", original.get("os") + 1);
            return layer(p, p.home(), p.implementation(), p.budgetNs(), p.deadlineOffsetNs(), p.flexible(), original, p.variantNs());
        })));
    }

    @Test
    void aBudgetBelowTheLatencyAtHome() {
        int last = good.models().get(0).layers().size() - 1;
        List<Kind> kinds = kinds(withLayer(0, last, p -> layer(p, p.home(), p.implementation(), 1, p.deadlineOffsetNs() - p.budgetNs() + 1,
                false, p.originalNs(), p.variantNs())));
        assertTrue(kinds.contains(Kind.BUDGET), kinds.toString());
    }

    @Test
    void anOffsetThatIsNotTheRunningSum() {
        assertEquals(List.of(Kind.OFFSET), kinds(withLayer(0, 0, p -> layer(p, p.home(), p.implementation(), p.budgetNs(),
                p.deadlineOffsetNs() + 1, p.flexible(), p.originalNs(), p.variantNs()))));
    }

    @Test
    void budgetsOverTheDeadline() {
        int last = good.models().get(0).layers().size() - 1;
        long extra = 25_000_000;
        List<Kind> kinds = kinds(withLayer(0, last, p -> layer(p, p.home(), p.implementation(), p.budgetNs() + extra,
                p.deadlineOffsetNs() + extra, true, p.originalNs(), p.variantNs())));
        assertTrue(kinds.contains(Kind.DEADLINE), kinds.toString());
    }

    @Test
    void aFlexibilityFlagThatDoesNotMatch() {
        int flexible = indexOf(0, LayerPlan::flexible);
        List<Violation> v = check(withLayer(0, flexible, p -> layer(p, p.home(), p.implementation(), p.budgetNs(), p.deadlineOffsetNs(),
                false, p.originalNs(), p.variantNs())));
        assertEquals(Kind.FLEXIBILITY, v.get(0).kind());
        assertTrue(v.get(0).message().contains("is not flagged flexible, although another accelerator runs an allowed implementation within"),
                v.get(0).message());
        // a layer given just its latency at home and the other accelerators' slower: it cannot migrate
        int slow = indexOf(0, p -> p.originalNs().values().stream().distinct().count() > 1
                && p.originalNs().get(p.home()).equals(java.util.Collections.min(p.originalNs().values())));
        Solution rigid = withLayer(0, slow, p -> layer(p, p.home(), p.implementation(), p.originalNs().get(p.home()),
                p.deadlineOffsetNs() - p.budgetNs() + p.originalNs().get(p.home()), true, p.originalNs(), p.variantNs()));
        List<Violation> v2 = check(rigid);
        assertTrue(v2.stream().anyMatch(x -> x.kind() == Kind.FLEXIBILITY && x.message().contains("is flagged flexible, but no other "
                + "accelerator runs an allowed implementation within its budget")), v2.toString());
    }

    @Test
    void anObjectiveTermThatIsNotThePlans() {
        Map<String, Long> objective = new LinkedHashMap<>(good.objective());
        objective.put("accuracyLossPpm", 1L);
        assertEquals(List.of(Kind.OBJECTIVE, Kind.BOUND), kinds(with(good.status(), objective, good.bound(), 0, good.parameters(),
                good.models())));
    }

    @Test
    void boundsThatContradictTheStatus() {
        Map<String, Long> bound = new LinkedHashMap<>(good.bound());
        bound.put("maxLoadPpm", bound.get("maxLoadPpm") - 5);
        assertEquals(List.of(Kind.BOUND), kinds(with(SolveStatus.OPTIMAL, good.objective(), bound, 0, good.parameters(), good.models())));
        assertEquals(List.of(), kinds(with(SolveStatus.FEASIBLE, good.objective(), bound, 0.00001, good.parameters(), good.models())));
        bound.put("maxLoadPpm", good.objective().get("maxLoadPpm") + 5);
        assertEquals(List.of(Kind.BOUND), kinds(with(SolveStatus.FEASIBLE, good.objective(), bound, 0.1, good.parameters(), good.models())));
        assertEquals(List.of(Kind.BOUND), kinds(with(SolveStatus.OPTIMAL, good.objective(), good.bound(), 0.5, good.parameters(),
                good.models())));
    }

    @Test
    void everyViolationIsListedNotJustTheFirst() {
        Solution bad = withLayer(0, 0, p -> layer(p, p.home(), p.implementation(), p.budgetNs(), p.deadlineOffsetNs() + 1, p.flexible(),
                p.originalNs(), p.variantNs()));
        Map<String, Long> objective = new LinkedHashMap<>(good.objective());
        objective.put("maxLoadPpm", 7L);
        bad = new Solution("other", bad.instanceChecksum(), bad.status(), bad.solver(), bad.formulation(), objective, bad.bound(),
                bad.gap(), bad.wallTimeMs(), bad.parameters(), bad.models());
        assertEquals(List.of(Kind.INSTANCE, Kind.OFFSET, Kind.OBJECTIVE, Kind.BOUND), kinds(bad));
    }
}
