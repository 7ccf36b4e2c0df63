package org.terastal.online;

import org.terastal.sim.SchedulerContext;

/**
 * DREAM's online adaptation of its score weights, reconstructed. What is public (the abstract of
 * arXiv 2212.03414v1): DREAM "has tunable parameters that provide fast adaptivity to dynamic workload
 * changes based on a gradient descent-like online optimization, which typically converges within five
 * steps for new workloads", and it minimises UXCost, an energy-delay-product equivalent for real-time
 * multi-model work. The update rule, the objective's exact form and every constant below are ours,
 * chosen to implement that sentence in a simulator without energy:
 *
 * <ul>
 *   <li><b>Objective</b> of a window: the mean over tasks of (frames dropped or late) / frames released
 *       in the window (UXCost with the energy factor constant, averaged per model as XRBench scores).</li>
 *   <li><b>Window</b>: {@value #WINDOW_DEADLINES} × the longest relative deadline of the run's tasks, so
 *       every periodic task has several frames in it.</li>
 *   <li><b>Step</b>: coordinate-wise sign descent in log space, alternating α and γ. A move multiplies
 *       the weight by 2^(direction · step); if the next window's objective is worse by more than one
 *       frame's worth (1 / frames released), the move is undone, its direction reversed and its step
 *       halved; if it is within that, the step is halved; if better, the move stays. Steps start at
 *       {@value #STEP0} and stop halving at {@value #STEP_MIN}, so a weight settles within about five
 *       windows, as the abstract says.</li>
 *   <li><b>Bounds</b>: α in [{@value #ALPHA_MIN}, {@value #ALPHA_MAX}], γ in [{@value #GAMMA_MIN},
 *       {@value #GAMMA_MAX}], two decades around the defaults; beyond them a term is negligible or
 *       dominates and moving further changes no decision.</li>
 * </ul>
 * No random numbers: runs stay deterministic.
 */
final class DreamAdaptation {
    static final int WINDOW_DEADLINES = 4;
    static final double STEP0 = 1.0;
    static final double STEP_MIN = 0.125;
    static final double ALPHA_MIN = 0.001;
    static final double ALPHA_MAX = 10;
    static final double GAMMA_MIN = 0.005;
    static final double GAMMA_MAX = 5;
    private static final double[] MIN = {ALPHA_MIN, GAMMA_MIN};
    private static final double[] MAX = {ALPHA_MAX, GAMMA_MAX};

    private final double[] weight;
    private final double[] direction = {1, 1};
    private final double[] step = {STEP0, STEP0};
    private final long windowNs;
    private final int[] released;
    private final int[] missed;
    private long windowEnd;
    private double previousCost = Double.NaN;
    private int lastMoved = -1;
    private double lastFactor = 1;
    private int next;
    private int windows;

    DreamAdaptation(SchedulerContext sim, double alpha, double gamma) {
        weight = new double[] {alpha, gamma};
        long longest = 1;
        for (int t = 0; t < sim.tasks(); t++) {
            longest = Math.max(longest, sim.taskDeadline(t));
        }
        windowNs = WINDOW_DEADLINES * longest;
        windowEnd = sim.now() + windowNs;
        released = new int[sim.tasks()];
        missed = new int[sim.tasks()];
    }

    double alpha() {
        return weight[0];
    }

    double gamma() {
        return weight[1];
    }

    /** Windows closed so far. */
    int windows() {
        return windows;
    }

    void released(int task) {
        released[task]++;
    }

    /** A frame of the task was dropped, or will finish late. */
    void missed(int task) {
        missed[task]++;
    }

    /** Whether a window has closed by {@code now}. */
    boolean due(long now) {
        return now >= windowEnd;
    }

    /** Closes the window: judges the last move by the window's objective, then makes the next one. */
    void adapt(long now) {
        int outcomes = 0;
        double sum = 0;
        int tasks = 0;
        for (int t = 0; t < released.length; t++) {
            outcomes += released[t];
            if (released[t] > 0) {
                sum += Math.min(1.0, (double) missed[t] / released[t]);
                tasks++;
            }
        }
        windowEnd = now + windowNs;
        if (outcomes == 0) {
            return; // nothing to judge by: the window is extended
        }
        windows++;
        double cost = sum / tasks;
        double eps = 1.0 / outcomes;
        boolean undone = false;
        if (lastMoved >= 0 && !Double.isNaN(previousCost)) {
            double delta = cost - previousCost;
            if (delta > eps) {
                weight[lastMoved] /= lastFactor;
                direction[lastMoved] = -direction[lastMoved];
                step[lastMoved] = Math.max(STEP_MIN, step[lastMoved] / 2);
                undone = true;
            } else if (delta >= -eps) {
                step[lastMoved] = Math.max(STEP_MIN, step[lastMoved] / 2);
            }
        }
        if (!undone) {
            previousCost = cost;
        }
        int p = next;
        next = 1 - next;
        double moved = Math.min(MAX[p], Math.max(MIN[p], weight[p] * Math.pow(2, direction[p] * step[p])));
        lastFactor = moved / weight[p];
        weight[p] = moved;
        lastMoved = p;
        java.util.Arrays.fill(released, 0);
        java.util.Arrays.fill(missed, 0);
    }
}
