package org.terastal.scenario;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.terastal.domain.Dependency;
import org.terastal.domain.Instance;
import org.terastal.domain.Limits;
import org.terastal.domain.Task;

/**
 * A task written on the command line: {@code [ID:]MODEL@FPS[,deadline=MS][,offset=MS][,jitter=MS][,weight=W][,after=PARENT[/P]]}.
 * Times are in milliseconds here for convenience and become integer ns in the instance. A cascaded task
 * ({@code after=}) may leave out {@code @FPS}: its rate is its parent's times the probability.
 *
 * @param text the spec as written
 */
public record TaskSpec(String text) {

    /** The task this spec describes; a cascaded task without {@code @FPS} needs {@link #toTask(ToDoubleFunction)}. */
    public Task toTask() {
        return toTask(parent -> {
            throw bad("has no '@FPS'; write e.g. resnet50@30");
        });
    }

    /** The id of the task this spec describes. */
    public String id() {
        String idModel = text.split(",")[0].split("@", 2)[0];
        return idModel.contains(":") ? idModel.substring(0, idModel.indexOf(':')) : idModel;
    }

    /**
     * The task this spec describes, taking a cascaded task's rate without {@code @FPS} from
     * {@code parentRate} (the parent's fps by parent id) times the probability.
     */
    public Task toTask(ToDoubleFunction<String> parentRate) {
        String[] parts = text.split(",");
        String head = parts[0];
        int at = head.indexOf('@');
        String idModel = at < 0 ? head : head.substring(0, at);
        String id = id();
        String model = idModel.contains(":") ? idModel.substring(idModel.indexOf(':') + 1) : idModel;
        double fps = at < 0 ? Double.NaN : number(head.substring(at + 1), "FPS");
        long deadline = 0;
        long offset = 0;
        long jitter = 0;
        double weight = 1.0;
        Dependency dependency = null;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw bad("has an option without '=' (" + parts[i] + ")");
            }
            switch (kv[0].strip().toLowerCase(Locale.ROOT)) {
                case "deadline" -> deadline = ms(kv[1], "deadline");
                case "offset" -> offset = ms(kv[1], "offset");
                case "jitter" -> jitter = ms(kv[1], "jitter");
                case "weight" -> weight = number(kv[1], "weight");
                case "after" -> {
                    String[] pp = kv[1].split("/", 2);
                    dependency = new Dependency(pp[0], pp.length == 2 ? number(pp[1], "probability") : 1.0);
                }
                default -> throw bad("has an unknown option (" + kv[0] + "); known are deadline, offset, jitter, weight, after");
            }
        }
        if (Double.isNaN(fps)) {
            if (dependency == null) {
                throw bad("has no '@FPS'; write e.g. resnet50@30 (only a cascaded task, with after=, may leave it out)");
            }
            fps = Instance.cascadeRate(parentRate.applyAsDouble(dependency.parent()), dependency.probability());
        }
        return new Task(id, model, fps, deadline, offset, jitter, dependency, weight);
    }

    private long ms(String value, String what) {
        double ms = number(value, what);
        double maxMs = Limits.MAX_TIME_NS / 1e6;
        if (!(ms >= 0 && ms <= maxMs)) {
            throw bad("has a " + what + " (" + value.strip() + " ms) outside [0, " + Limits.format(maxMs) + "] ms");
        }
        return Math.round(ms * 1e6);
    }

    private double number(String value, String what) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw bad("has a " + what + " that is not a number (" + value + ")");
        }
    }

    private IllegalArgumentException bad(String what) {
        return new IllegalArgumentException("The task spec (" + text + ") " + what);
    }
}
