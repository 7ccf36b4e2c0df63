package org.terastal.sweep;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.terastal.experiment.Experiment;
import org.terastal.online.Schedulers;
import org.terastal.sim.RunResult;
import org.terastal.sim.SchedulerFactory;

/**
 * Runs the cells of a sweep on a pool of threads, each finished cell into its own file at once; cells
 * whose file the claim of the folder ({@link SweepFolder}) found and checked are skipped. Cells are independent and each run is
 * deterministic, so the files do not depend on the number of threads or the order they finish in.
 */
public final class SweepRunner {
    /**
     * What a call did.
     *
     * @param ran    cells simulated now
     * @param reused cells whose file was already there
     */
    public record Outcome(int ran, int reused) {
    }

    /** Computes the run of one cell; called from several threads at once. */
    @FunctionalInterface
    public interface CellSimulation {
        RunResult run(Cell cell);
    }

    /** Hears how far a sweep got; {@link #cellDone} is called from the worker threads. */
    public interface Listener {
        /** Before the first cell: how many cells will run, and how many were found done. */
        void starting(int toRun, int reused);

        void cellDone(Cell cell);
    }

    private SweepRunner() {
    }

    /**
     * The simulation of the cells of a plan. Scenarios are shared by the threads: their instances and
     * latency tables are immutable, and every run makes its own scheduler and rescaled solution table.
     *
     * @param scenarios the scenarios by name, one for each of the plan's
     */
    public static CellSimulation simulation(SweepPlan plan, List<Experiment.Scenario> scenarios) {
        Map<String, Experiment.Scenario> byName = new HashMap<>();
        scenarios.forEach(s -> byName.put(s.name(), s));
        for (SweepPlan.ScenarioKey key : plan.scenarios()) {
            if (!byName.containsKey(key.name())) {
                throw new IllegalArgumentException("No scenario named '" + key.name() + "' was loaded");
            }
        }
        Map<String, SchedulerFactory> factories = new HashMap<>();
        for (Experiment.Scenario sc : scenarios) {
            for (String s : plan.schedulers()) {
                factories.put(sc.name() + "\n" + s, Schedulers.factory(s, sc.solutions()));
            }
        }
        return cell -> {
            Experiment.Scenario sc = byName.get(cell.scenario());
            SchedulerFactory factory = factories.get(cell.scenario() + "\n" + cell.scheduler());
            return Experiment.run(sc, factory, cell.seed(), cell.load(), cell.late(), plan.horizonNs());
        };
    }

    /**
     * Runs the cells of a claimed folder whose files were not found ({@link SweepFolder#todo}) on
     * {@code jobs} threads. The first failure of a cell stops the pool and is rethrown; the cells
     * finished before it keep their files.
     */
    public static Outcome run(SweepFolder folder, int jobs, CellSimulation simulation, Listener listener) {
        if (jobs < 1) {
            throw new IllegalArgumentException("The number of jobs (" + jobs + ") must be at least 1");
        }
        Path dir = folder.dir();
        SweepPlan plan = folder.plan();
        List<Cell> todo = folder.todo();
        listener.starting(todo.size(), folder.found());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, todo.size())), r -> {
            Thread t = new Thread(r, "sweep-cell");
            t.setDaemon(true);
            return t;
        });
        // after a failure, cells not yet started are skipped; started ones are not interrupted, so
        // each finishes writing its file and none of the work done is lost
        AtomicBoolean stop = new AtomicBoolean();
        try {
            CompletionService<Cell> done = new ExecutorCompletionService<>(pool);
            for (Cell cell : todo) {
                done.submit(() -> {
                    if (!stop.get()) {
                        CellFiles.write(dir, plan, cell, simulation.run(cell));
                    }
                    return cell;
                });
            }
            for (int i = 0; i < todo.size(); i++) {
                listener.cellDone(done.take().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The sweep was interrupted; the cells finished so far are kept: run it again to resume", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("A cell failed: " + e.getCause(), e.getCause());
        } finally {
            stop.set(true);
            pool.shutdown();
            awaitQuietly(pool);
        }
        return new Outcome(todo.size(), folder.found());
    }

    /** Waits for the cells still running to write their files, so that none appears after the call returns. */
    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
