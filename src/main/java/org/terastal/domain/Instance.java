package org.terastal.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scheduling problem: a platform, the models and the tasks that run them.
 *
 * @param name        instance name
 * @param description how the instance was built and why, may be empty
 * @param platform    the SoC
 * @param models      models, unique ids
 * @param tasks       tasks, unique ids; each names a model, dependencies name other tasks and form no cycle
 */
public record Instance(String name, String description, Platform platform, List<Model> models, List<Task> tasks) {

    public Instance {
        Limits.requireName(name, "name", "an instance");
        String where = "instance '" + name + "'";
        description = description == null ? "" : description;
        Checks.requireNonNull(platform, "platform", where);
        if (models == null || models.isEmpty()) {
            throw new DomainException("models", "The models of " + where + " are missing; give at least one");
        }
        if (tasks == null || tasks.isEmpty()) {
            throw new DomainException("tasks", "The tasks of " + where + " are missing; give at least one");
        }
        Limits.inRange(models.size(), 1, Limits.MAX_MODELS, "models", where, "models");
        Limits.inRange(tasks.size(), 1, Limits.MAX_TASKS, "tasks", where, "tasks");
        models = List.copyOf(models);
        tasks = List.copyOf(tasks);
        Checks.unique(models, Model::id, "model id", where, "models", "id");
        Checks.unique(tasks, Task::id, "task id", where, "tasks", "id");
        Set<String> modelIds = new HashSet<>();
        models.forEach(m -> modelIds.add(m.id()));
        Map<String, Task> byId = new HashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            if (!modelIds.contains(task.model())) {
                throw new DomainException("tasks[" + i + "].model", "The model ('" + task.model() + "') of task '" + task.id()
                        + "' is not defined in " + where + "; known models are " + modelIds.stream().sorted().toList());
            }
            if (task.dependency() != null && !byId.containsKey(task.dependency().parent())) {
                throw new DomainException("tasks[" + i + "].dependsOn.parent", "The dependency of task '" + task.id() + "' names an unknown task ('"
                        + task.dependency().parent() + "'); known tasks are " + byId.keySet().stream().sorted().toList());
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            if (task.dependency() != null) {
                checkCascadeRate(task, byId.get(task.dependency().parent()), i);
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            Set<String> chain = new HashSet<>();
            for (Task t = task; t.dependency() != null; t = byId.get(t.dependency().parent())) {
                if (!chain.add(t.id())) {
                    throw new DomainException("tasks[" + i + "].dependsOn", "The dependencies of task '" + task.id() + "' form a cycle through " + chain);
                }
            }
        }
    }

    /** Relative tolerance of the cascade rate rule: floating-point rounding of fps × probability, nothing more. */
    public static final double CASCADE_RATE_TOLERANCE = 1e-9;

    /**
     * The rate of a cascaded task is its parent's rate times the probability: the offline stage prices
     * it at that rate and the simulator releases it at that rate on average (one coin per completed
     * parent frame), so a file that says otherwise would be priced one way and run another.
     */
    private static void checkCascadeRate(Task child, Task parent, int index) {
        double expected = cascadeRate(parent.fps(), child.dependency().probability());
        if (Math.abs(child.fps() - expected) > CASCADE_RATE_TOLERANCE * expected) {
            throw new DomainException("tasks[" + index + "].fps", "The fps (" + child.fps() + ") of cascaded task '" + child.id()
                    + "' is not its parent's rate times the probability: '" + parent.id() + "' runs at " + parent.fps() + " fps and releases '"
                    + child.id() + "' with probability " + child.dependency().probability() + ", so '" + child.id() + "' runs at " + expected
                    + " fps; maybe give fps " + expected + (child.fps() < parent.fps() ? ", or a probability of " + child.fps() / parent.fps() : "")
                    + " (a deadline other than the period goes in deadlineNs)");
        }
    }

    /** The rate of a task cascaded from a parent at {@code parentFps} with probability {@code probability}. */
    public static double cascadeRate(double parentFps, double probability) {
        return parentFps * probability;
    }

    /** The model with that id. */
    public Model model(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No model '" + id + "' in instance '" + name + "'"));
    }

    /** The same instance with every task's rate scaled by a factor. */
    public Instance withLoad(double factor) {
        try {
            return new Instance(name, description, platform, models, tasks.stream().map(t -> t.scaled(factor)).toList());
        } catch (DomainException e) {
            throw new DomainException(e.path(), "At load " + Limits.format(factor) + ", " + e.getMessage() + "; maybe a smaller load range");
        }
    }
}
