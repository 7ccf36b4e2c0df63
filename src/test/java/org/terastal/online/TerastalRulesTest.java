package org.terastal.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.terastal.online.FakeContext.MS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.terastal.domain.Implementation;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.domain.SolveStatus;

/**
 * Rules of the Terastal dispatcher on hand-built situations (one-layer models, two engines), each
 * with the dispatch the rule makes and the one it would make without it.
 */
class TerastalRulesTest {
    /** A table homing task t's layer on {@code homes[t]}, budget = the task's whole deadline. */
    private static Solution table(FakeContext ctx, String... homes) {
        List<ModelPlan> plans = new ArrayList<>();
        for (int t = 0; t < homes.length; t++) {
            long d = ctx.taskDeadline(t);
            plans.add(new ModelPlan("m" + t, List.of(), 1.0, List.of(new LayerPlan("L0", homes[t], Implementation.ORIGINAL, d, d, false))));
        }
        return table(plans);
    }

    private static Solution table(List<ModelPlan> plans) {
        return new Solution("fake", "sha256:x", SolveStatus.OPTIMAL, "hand", "table", Map.of(), Map.of(), 0, 0, Map.of(), plans);
    }

    /** A one-task table: the layer at {@code home} as {@code impl}, with this budget, its variant enabled or not. */
    private static Solution table(String home, Implementation impl, long budget, boolean variantEnabled) {
        return table(List.of(new ModelPlan("m0", variantEnabled ? List.of("L0") : List.of(), variantEnabled ? 0.99 : 1.0,
                List.of(new LayerPlan("L0", home, impl, budget, budget, false)))));
    }

    /** Task 0 at 50 fps (20 ms deadline): original 20 ms on engine 0 and 12 ms on engine 1, variant 18 / 8 ms. */
    private static FakeContext withVariant() {
        return new FakeContext(2, new double[] {50}, new long[][] {{20 * MS, 12 * MS}}, new long[][] {{18 * MS, 8 * MS}});
    }

    /** {@link #withVariant()} with one engine busy for a while, late frames dropped or kept: what {@code t} dispatches. */
    private static List<String> decideOnce(boolean drops, int busyEngine, long busyUntil, TerastalScheduler t) {
        return decideAt(0, drops, busyEngine, busyUntil, t);
    }

    /** As {@link #decideOnce(boolean, int, long, TerastalScheduler)}, the decision taken {@code start} after the frame's release. */
    private static List<String> decideAt(long start, boolean drops, int busyEngine, long busyUntil, TerastalScheduler t) {
        FakeContext ctx = withVariant();
        ctx.drops = drops;
        ctx.busyUntil(busyEngine, busyUntil);
        t.start(ctx);
        t.onReady(ctx.arrive(0));
        ctx.now = start;
        t.decide(start);
        return ctx.dispatches;
    }

    private static List<String> decideOnce(FakeContext ctx, TerastalScheduler t) {
        t.start(ctx);
        t.onReady(ctx.arrive(0));
        t.decide(0);
        return ctx.dispatches;
    }

    private static TerastalScheduler start(FakeContext ctx, String... homes) {
        TerastalScheduler t = new TerastalScheduler(table(ctx, homes));
        t.start(ctx);
        return t;
    }

    /**
     * A layer the table leaves on its fastest engine goes where it finishes first, as under EDF: with
     * the fast engine busy for 1 ms more it waits for it (3 ms) rather than take the idle slow one
     * (6 ms), which it would have done before, since 6 ms was still in time for its 10 ms deadline.
     */
    @Test
    void aLayerLeftOnItsFastestEngineWaitsForItWhenThatFinishesSooner() {
        FakeContext ctx = new FakeContext(2, new double[] {100}, new long[][] {{2 * MS, 6 * MS}});
        ctx.busyUntil(0, MS);
        TerastalScheduler t = start(ctx, "a0");
        t.onReady(ctx.arrive(0));
        t.decide(0);
        assertEquals(List.of(), ctx.dispatches, "promised the fast engine");

        FakeContext later = new FakeContext(2, new double[] {100}, new long[][] {{2 * MS, 6 * MS}});
        later.busyUntil(0, 5 * MS);
        TerastalScheduler u = start(later, "a0");
        u.onReady(later.arrive(0));
        u.decide(0);
        assertEquals(List.of("0@a1"), later.dispatches, "the slow engine finishes first now (6 ms against 7 ms)");
    }

    /** A layer the table homes off its fastest engine (to balance the load) starts at home when home is free. */
    @Test
    void aRehomedLayerStartsAtItsHome() {
        FakeContext ctx = new FakeContext(2, new double[] {100}, new long[][] {{2 * MS, 6 * MS}});
        TerastalScheduler t = start(ctx, "a1");
        t.onReady(ctx.arrive(0));
        t.decide(0);
        assertEquals(List.of("0@a1"), ctx.dispatches, "the table's home, although engine a0 would finish sooner");
    }

    /** Without home-first ({@code terastal-nohome}) the same re-homed layer goes where it finishes first. */
    @Test
    void withoutHomeFirstARehomedLayerGoesWhereItFinishesFirst() {
        FakeContext ctx = new FakeContext(2, new double[] {100}, new long[][] {{2 * MS, 6 * MS}});
        TerastalScheduler t = new TerastalNoHomeScheduler(table(ctx, "a1"));
        t.start(ctx);
        t.onReady(ctx.arrive(0));
        t.decide(0);
        assertEquals(List.of("0@a0"), ctx.dispatches);
    }

    /**
     * The overload guard rejects only when late frames are kept: with three frames that overload
     * engine 0 (as in OverloadGuardTest), the 8 ms frame goes first under drop (earliest deadline) and
     * is rejected under continue, where the admitted 10 ms frame goes first.
     */
    @Test
    void theGuardRejectsOnlyWhenLateFramesAreKept() {
        double[] fps = {100, 125, 1000.0 / 11};
        long[][] latency = {{2 * MS, 6 * MS}, {6 * MS, 18 * MS}, {3_500_000, 10_500_000}};
        for (boolean drops : new boolean[] {true, false}) {
            FakeContext ctx = new FakeContext(2, fps, latency);
            ctx.drops = drops;
            TerastalScheduler t = start(ctx, "a0", "a0", "a0");
            for (int task = 0; task < 3; task++) {
                t.onReady(ctx.arrive(task));
            }
            t.decide(0);
            assertEquals(drops ? "1@a0" : "0@a0", ctx.dispatches.get(0), drops ? "drop" : "continue");
        }
    }

    /**
     * Under continue, a rejected frame stays off an engine where an admitted frame running elsewhere
     * starts its next layer at home: model m0's first layer runs on a0 and its second is homed on a1
     * (re-homed: it is faster on a0); the rejected frame of m1 (6 ms on a1 against a 5 ms deadline)
     * would otherwise take the idle a1 and hold the admitted frame up. When the second layer's home is
     * where it is fastest (the table adds nothing there, so it goes where it finishes first), a1 is
     * not reserved and the rejected frame takes it, as under EDF with the guard.
     */
    @Test
    void aRejectedFrameStaysOffTheEngineAnAdmittedFrameStartsItsNextLayerOnAtHome() {
        for (boolean rehomed : new boolean[] {true, false}) {
            long[][] secondLayer = {rehomed ? new long[] {2 * MS, 4 * MS} : new long[] {4 * MS, 2 * MS}, null};
            FakeContext ctx = new FakeContext(2, new double[] {50, 200}, new long[][] {{2 * MS, 6 * MS}, {8 * MS, 6 * MS}},
                    new long[2][], secondLayer);
            ctx.drops = false;
            Solution plan = table(List.of(
                    new ModelPlan("m0", List.of(), 1.0, List.of(new LayerPlan("L0", "a0", Implementation.ORIGINAL, 10 * MS, 10 * MS, false),
                            new LayerPlan("L1", "a1", Implementation.ORIGINAL, 10 * MS, 20 * MS, false))),
                    new ModelPlan("m1", List.of(), 1.0, List.of(new LayerPlan("L0", "a1", Implementation.ORIGINAL, 5 * MS, 5 * MS, false)))));
            TerastalScheduler t = new TerastalScheduler(plan);
            t.start(ctx);
            t.onReady(ctx.arrive(0));
            t.decide(0);
            assertEquals(List.of("0@a0"), ctx.dispatches, "the admitted frame's first layer");
            int late = ctx.arrive(1);
            t.onReady(late);
            t.decide(0);
            assertEquals(rehomed ? List.of("0@a0") : List.of("0@a0", late + "@a1"), ctx.dispatches,
                    rehomed ? "a1 is kept for m0's second layer" : "nothing is kept for a layer that goes where it finishes first");
        }
    }

    /**
     * A re-homed layer whose home is busy moves to an idle engine where it is still done by its due
     * time (here 2 ms on engine 0 against waiting until 11 ms for home); without the migration rule it
     * would wait for home.
     */
    @Test
    void aRehomedLayerMigratesWhenItIsStillInTimeThere() {
        FakeContext ctx = new FakeContext(2, new double[] {100}, new long[][] {{2 * MS, 6 * MS}});
        ctx.busyUntil(1, 5 * MS);
        TerastalScheduler t = start(ctx, "a1");
        t.onReady(ctx.arrive(0));
        t.decide(0);
        assertEquals(List.of("0@a0"), ctx.dispatches);
    }

    /**
     * A critical frame (here 4% of its deadline left as slack after its home chain) moves only to an
     * engine that finishes its layer sooner than waiting for home: here engine 2 would finish at
     * 5.7 ms, within the frame's deadline (5.75 ms) but later than home (2 + 3.5 ms), so the
     * frame waits; with the critical threshold at 0 it migrates, as an ordinary frame does.
     */
    @Test
    void aCriticalFrameMovesOnlyWhereItFinishesSooner() {
        double fps = 1000 / 5.75;
        long[][] latency = {{MS, 3_500_000, 5_700_000}};
        for (double critical : new double[] {TerastalScheduler.CRITICAL, 0}) {
            FakeContext ctx = new FakeContext(3, new double[] {fps}, latency);
            ctx.busyUntil(0, 100 * MS);
            ctx.busyUntil(1, 2 * MS);
            TerastalScheduler t = TerastalScheduler.withConstants(table(ctx, "a1"), false, TerastalScheduler.HEADROOM, critical);
            t.start(ctx);
            t.onReady(ctx.arrive(0));
            t.decide(0);
            assertEquals(critical > 0 ? List.of() : List.of("0@a2"), ctx.dispatches, "critical threshold " + critical);
        }
    }

    /**
     * At home, a layer the table runs as its original switches to its enabled variant only where that
     * buys time: due at its frame's deadline (20 ms, nothing after it), the 12 ms original started
     * 10 ms after release would be late and the 8 ms variant runs; started 5 ms after release the
     * original is in time and runs. (The other engine is busy.)
     */
    @Test
    void aLayerSwitchesToItsVariantAtHomeOnlyWhenTheOriginalWouldBeLate() {
        for (boolean drops : new boolean[] {true, false}) {
            for (long start : new long[] {10 * MS, 5 * MS}) {
                List<String> d = decideAt(start, drops, 0, 100 * MS, new TerastalScheduler(table("a1", Implementation.ORIGINAL, 20 * MS, true)));
                assertEquals(List.of(start > 8 * MS ? "0@a1/variant" : "0@a1"), d, "start " + start / MS + " ms, drops " + drops);
            }
        }
    }

    /**
     * A layer is due when the rest of its frame's home chain still fits: the same 12 ms first layer
     * with a second layer of 4 ms at home is due at 16 ms and runs its original; with a second layer of
     * 9 ms it is due at 11 ms and runs its 8 ms variant. The table's budgets (here 10 ms for the first
     * layer) play no part.
     */
    @Test
    void aLayerIsDueWhenTheRestOfItsFramesHomeChainStillFits() {
        for (long rest : new long[] {4 * MS, 9 * MS}) {
            FakeContext ctx = new FakeContext(2, new double[] {50}, new long[][] {{20 * MS, 12 * MS}}, new long[][] {{18 * MS, 8 * MS}},
                    new long[][] {{rest, rest}});
            ctx.busyUntil(0, 100 * MS);
            Solution plan = table(List.of(new ModelPlan("m0", List.of("L0"), 0.99,
                    List.of(new LayerPlan("L0", "a1", Implementation.ORIGINAL, 10 * MS, 10 * MS, false),
                            new LayerPlan("L1", "a1", Implementation.ORIGINAL, 10 * MS, 20 * MS, false)))));
            assertEquals(List.of(rest > 8 * MS ? "0@a1/variant" : "0@a1"), decideOnce(ctx, new TerastalScheduler(plan)), "second layer " + rest / MS + " ms");
        }
    }

    /**
     * A migrating layer runs its original on the target unless the original would be late there and
     * the enabled variant is faster: home (engine 1) busy for 50 ms, engine 0 runs the original in
     * 20 ms and the variant in 18 ms, due at the 20 ms deadline; started at release the original goes,
     * started 1 ms later the variant.
     */
    @Test
    void aMigratingLayerRunsItsVariantOnlyWhenTheOriginalWouldBeLateThere() {
        for (long start : new long[] {MS, 0}) {
            List<String> d = decideAt(start, true, 1, 50 * MS, new TerastalScheduler(table("a1", Implementation.ORIGINAL, 20 * MS, true)));
            assertEquals(List.of(start > 0 ? "0@a0/variant" : "0@a0"), d, "start " + start / MS + " ms");
        }
    }

    /**
     * With the virtual budgets ({@code terastal-budget}) a layer is due at its virtual deadline: with a
     * 10 ms budget the 12 ms original would miss it and the 8 ms variant runs at home; with 13 ms the
     * original runs. On a migration target (home busy) the 20 ms original runs under a 21 ms budget and
     * the 18 ms variant under 19 ms. Under both late-frame policies.
     */
    @Test
    void withBudgetsALayerIsDueAtItsVirtualDeadline() {
        for (boolean drops : new boolean[] {true, false}) {
            for (long budget : new long[] {10 * MS, 13 * MS}) {
                List<String> d = decideOnce(drops, 0, 100 * MS, new TerastalBudgetScheduler(table("a1", Implementation.ORIGINAL, budget, true)));
                assertEquals(List.of(budget < 12 * MS ? "0@a1/variant" : "0@a1"), d, "budget " + budget / MS + " ms, drops " + drops);
            }
            for (long budget : new long[] {19 * MS, 21 * MS}) {
                List<String> d = decideOnce(drops, 1, 50 * MS, new TerastalBudgetScheduler(table("a1", Implementation.ORIGINAL, budget, true)));
                assertEquals(List.of(budget < 20 * MS ? "0@a0/variant" : "0@a0"), d, "budget " + budget / MS + " ms, drops " + drops);
            }
        }
    }

    /**
     * Only the table's enabled variants are used: the situation of the first variant rule (original
     * late at home) with the variant not enabled runs the original, late; and a variant the table homes
     * runs as the variant in every frame, although the original would be in time there too.
     */
    @Test
    void onlyEnabledVariantsRunAndAHomedVariantAlwaysRuns() {
        assertEquals(List.of("0@a1"), decideAt(10 * MS, true, 0, 100 * MS, new TerastalScheduler(table("a1", Implementation.ORIGINAL, 20 * MS, false))));
        assertEquals(List.of("0@a1/variant"),
                decideOnce(true, 0, 100 * MS, new TerastalScheduler(table("a1", Implementation.VARIANT, 20 * MS, true))));
    }

    /** Without variants ({@code terastal-novariant}) a layer the table runs as a variant runs its original, on the engine where that is fastest. */
    @Test
    void withoutVariantsTheOriginalRunsWhereItIsFastest() {
        FakeContext ctx = withVariant();
        assertEquals(List.of("0@a1"), decideOnce(ctx, new TerastalNoVariantScheduler(table("a0", Implementation.VARIANT, 19 * MS, true))));
    }

    /**
     * Without variants and with every layer homed where it is fastest, the table has nothing to add:
     * on random situations of one-layer models, under
     * drop, Terastal dispatches exactly as EDF does, and with late frames kept exactly as EDF with the
     * overload guard. Seeded; the seed is in the message.
     */
    @Test
    void withNothingToAddTerastalDispatchesAsEdfOrEdfWithTheGuard() {
        for (long seed = 1; seed <= 600; seed++) {
            boolean drops = seed % 2 == 0;
            java.util.Random random = new java.util.Random(seed);
            int accs = 2 + random.nextInt(2);
            int tasks = 1 + random.nextInt(4);
            double[] fps = new double[tasks];
            long[][] latency = new long[tasks][accs];
            String[] homes = new String[tasks];
            for (int t = 0; t < tasks; t++) {
                fps[t] = 20 + random.nextInt(200);
                int fastest = 0;
                for (int a = 0; a < accs; a++) {
                    latency[t][a] = (1 + random.nextInt(8000)) * 1000L;
                    fastest = latency[t][a] < latency[t][fastest] ? a : fastest;
                }
                homes[t] = "a" + fastest;
            }
            int[] arrivals = random.ints(1 + random.nextInt(6), 0, tasks).toArray();
            long[] busy = random.longs(accs, 0, 6 * MS).map(b -> random.nextBoolean() ? 0 : b).toArray();
            List<List<String>> runs = new ArrayList<>();
            for (boolean edf : new boolean[] {true, false}) {
                FakeContext ctx = new FakeContext(accs, fps, latency);
                ctx.drops = drops;
                for (int a = 0; a < accs; a++) {
                    ctx.busyUntil(a, busy[a]);
                }
                org.terastal.sim.Scheduler baseline = drops ? new EdfScheduler() : new GuardedScheduler(EdfScheduler::new);
                org.terastal.sim.Scheduler policy = edf ? baseline : new TerastalScheduler(table(ctx, homes));
                policy.start(ctx);
                for (int task : arrivals) {
                    policy.onReady(ctx.arrive(task));
                }
                policy.decide(0);
                runs.add(ctx.dispatches);
            }
            assertEquals(runs.get(0), runs.get(1), "seed " + seed + ": " + (drops ? "EDF" : "EDF+guard") + " against Terastal");
        }
    }
}
