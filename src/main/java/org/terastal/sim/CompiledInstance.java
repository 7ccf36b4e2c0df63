package org.terastal.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.domain.Task;

/**
 * An instance and its latency table compiled into the lookup tables a run reads per event:
 * primitive arrays indexed by model, task, layer and accelerator in instance order. Built once
 * per run, before the scheduler, and never changed: the {@link Simulator} and the view its
 * scheduler reads ({@link RunState}) index the arrays directly, which is why they are fields.
 * What depends on the scheduler (the variants it may use, the fastest latencies) is settled in
 * {@link RunState#settleFastest}.
 */
final class CompiledInstance {
    final Instance instance;
    final String latencySource;
    final int accelerators;
    final int tasks;
    final String[] modelIds;
    /** Per model: number of layers. */
    final int[] layerCount;
    /**
     * Per model: latency by {@code (layer·2 + implementation)·accelerators + accelerator}, or
     * {@link LatencyTable#NONE} for the variant of a layer that has none.
     */
    final long[][] lat;
    /** Per model and layer: index of the layer among the model's variant candidates, or -1. */
    final int[][] candidateIndex;
    final int[] taskModel;
    final long[] taskPeriod;
    /** Relative deadline. */
    final long[] taskDeadline;
    final long[] taskOffset;
    final long[] taskJitter;
    /** Parent task of a cascaded task, or -1. */
    final int[] taskParent;
    /** Probability that a parent frame releases a frame of this cascaded task (0 for a periodic task). */
    final double[] taskProbability;
    /** Per task: the cascaded tasks whose parent it is, in instance order. */
    final int[][] taskChildren;

    /**
     * Checks and compiles an instance (as it will be simulated: after load scaling).
     *
     * @throws IllegalArgumentException when the instance cannot be simulated with the table (see {@link #validate})
     */
    CompiledInstance(Instance instance, LatencyTable latencyTable) {
        validate(instance, latencyTable);
        this.instance = instance;
        latencySource = latencyTable.source();
        accelerators = instance.platform().size();
        List<Model> models = instance.models();
        modelIds = models.stream().map(Model::id).toArray(String[]::new);
        Map<String, Integer> modelIndex = new HashMap<>();
        for (int m = 0; m < modelIds.length; m++) {
            modelIndex.put(modelIds[m], m);
        }
        List<Task> taskList = instance.tasks();
        tasks = taskList.size();
        Map<String, Integer> taskIndex = new HashMap<>();
        for (int t = 0; t < tasks; t++) {
            taskIndex.put(taskList.get(t).id(), t);
        }
        taskModel = new int[tasks];
        taskPeriod = new long[tasks];
        taskDeadline = new long[tasks];
        taskOffset = new long[tasks];
        taskJitter = new long[tasks];
        taskParent = new int[tasks];
        taskProbability = new double[tasks];
        List<List<Integer>> children = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            children.add(new ArrayList<>());
        }
        for (int t = 0; t < tasks; t++) {
            Task task = taskList.get(t);
            taskModel[t] = modelIndex.get(task.model());
            taskPeriod[t] = task.periodNs();
            taskDeadline[t] = task.effectiveDeadlineNs();
            taskOffset[t] = task.offsetNs();
            taskJitter[t] = task.jitterNs();
            taskParent[t] = task.dependency() == null ? -1 : taskIndex.get(task.dependency().parent());
            taskProbability[t] = task.dependency() == null ? 0 : task.dependency().probability();
            if (taskParent[t] >= 0) {
                children.get(taskParent[t]).add(t);
            }
        }
        taskChildren = new int[tasks][];
        for (int t = 0; t < tasks; t++) {
            taskChildren[t] = children.get(t).stream().mapToInt(Integer::intValue).toArray();
        }
        layerCount = new int[models.size()];
        lat = new long[models.size()][];
        candidateIndex = new int[models.size()][];
        for (int m = 0; m < models.size(); m++) {
            Model model = models.get(m);
            int n = model.layers().size();
            layerCount[m] = n;
            lat[m] = new long[n * 2 * accelerators];
            candidateIndex[m] = new int[n];
            for (int l = 0; l < n; l++) {
                for (Implementation impl : Implementation.values()) {
                    for (int a = 0; a < accelerators; a++) {
                        lat[m][(l * 2 + impl.ordinal()) * accelerators + a] = latencyTable.get(model.id(), l, impl, a);
                    }
                }
                String name = model.layers().get(l).name();
                candidateIndex[m][l] = -1;
                for (int c = 0; c < model.candidates().size(); c++) {
                    if (model.candidates().get(c).layer().equals(name)) {
                        candidateIndex[m][l] = c;
                    }
                }
            }
        }
    }

    /** Checks that an instance can be simulated with a latency table; the message names the first problem. */
    static void validate(Instance instance, LatencyTable latency) {
        List<String> platform = instance.platform().accelerators().stream().map(a -> a.id()).toList();
        if (!latency.accelerators().equals(platform)) {
            throw new IllegalArgumentException("The latency table (" + latency.source() + ") is for accelerators "
                    + latency.accelerators() + " but the platform of instance '" + instance.name() + "' has " + platform
                    + "; give a table made for this platform");
        }
        for (Model model : instance.models()) {
            if (!latency.hasModel(model.id())) {
                throw new IllegalArgumentException("The latency table (" + latency.source() + ") has no entries for model '"
                        + model.id() + "' of instance '" + instance.name() + "'");
            }
            if (model.candidates().size() > Long.SIZE) {
                throw new IllegalArgumentException("The model '" + model.id() + "' has " + model.candidates().size()
                        + " variant candidates; the simulator tracks at most " + Long.SIZE + " per model");
            }
            for (int l = 0; l < model.layers().size(); l++) {
                for (int a = 0; a < platform.size(); a++) {
                    if (latency.get(model.id(), l, Implementation.ORIGINAL, a) <= 0) {
                        throw new IllegalArgumentException("The latency table has no positive latency for layer '"
                                + model.layers().get(l).name() + "' of model '" + model.id() + "' on accelerator '" + platform.get(a) + "'");
                    }
                }
            }
        }
        for (Task task : instance.tasks()) {
            if (task.periodNs() <= 0) {
                throw new IllegalArgumentException("The period of task '" + task.id() + "' (fps " + task.fps()
                        + ") rounds to " + task.periodNs() + " ns; give an fps below 1e9");
            }
            if (task.dependency() == null && task.jitterNs() > task.periodNs()) {
                throw new IllegalArgumentException("The release jitter (" + task.jitterNs() + " ns) of task '" + task.id()
                        + "' exceeds its period (" + task.periodNs() + " ns); frames would be released out of order");
            }
        }
    }

    /** Periodic releases of a task before the horizon; a cascaded task releases at most once per frame of its parent. */
    long releasesBound(int task, long horizonNs) {
        int root = task;
        for (int hops = 0; taskParent[root] >= 0 && hops < tasks; hops++) {
            root = taskParent[root];
        }
        long span = horizonNs - taskOffset[root];
        return span <= 0 ? 0 : (span - 1) / taskPeriod[root] + 1;
    }
}
