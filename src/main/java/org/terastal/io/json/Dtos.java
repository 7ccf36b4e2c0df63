package org.terastal.io.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.terastal.domain.AccuracyRow;
import org.terastal.domain.AccuracyTable;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Dependency;
import org.terastal.domain.DomainException;
import org.terastal.domain.Instance;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.domain.Task;
import org.terastal.domain.VariantCandidate;

/**
 * The JSON shapes of format v1. Each record checks its own required fields and builds its
 * domain object as soon as it is read ({@link ValidatingDeserializer}), so a failure is reported
 * at the object that caused it (file position and field path). Boxed types tell "missing" from zero.
 */
final class Dtos {
    private Dtos() {
    }

    /** A JSON shape that knows how to become (and so validate as) its domain object. */
    interface Checked extends JsonInputs.Checked {
    }

    static <T> T required(T value, String field, String where) {
        if (value == null) {
            throw new DomainException(field, "The field '" + field + "' of " + where + " is missing");
        }
        return value;
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    /** Builds a domain list, re-pointing failures at the element's index. */
    static <D, T> List<T> each(List<D> items, String field, java.util.function.Function<D, T> build) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            D item = items.get(i);
            if (item == null) {
                throw new DomainException(field + "[" + i + "]", "The " + field + " list has an empty (null) entry at index " + i);
            }
            try {
                out.add(build.apply(item));
            } catch (DomainException e) {
                throw e.under(field + "[" + i + "]");
            }
        }
        return out;
    }

    static String where(String kind, String name) {
        return name == null ? ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind : kind + " '" + name + "'";
    }

    record LayerJson(String name, LayerType type,
                     @JsonProperty("N") Integer n, @JsonProperty("K") Integer k, @JsonProperty("C") Integer c,
                     @JsonProperty("Y") Integer y, @JsonProperty("X") Integer x,
                     @JsonProperty("R") Integer r, @JsonProperty("S") Integer s,
                     Integer stride, Integer pad, Integer padY, Integer padX) implements Checked {
        @Override
        public Layer toDomain() {
            String where = where("layer", name);
            required(name, "name", where);
            required(type, "type", where);
            if (pad != null && (padY != null || padX != null)) {
                throw new DomainException("pad", "The " + where + " gives both pad and padY/padX; give pad for equal padding, else padY and padX");
            }
            if (pad == null && (padY == null) != (padX == null)) {
                throw new DomainException(padY == null ? "padY" : "padX", "The " + where + " gives only one of padY and padX; give both, or pad");
            }
            int py = pad != null ? pad : padY != null ? padY : 0;
            int px = pad != null ? pad : padX != null ? padX : 0;
            return new Layer(name, type, required(n, "N", where), required(k, "K", where), required(c, "C", where),
                    required(y, "Y", where), required(x, "X", where), required(r, "R", where), required(s, "S", where),
                    stride == null ? 1 : stride, py, px);
        }

        static LayerJson of(Layer l) {
            boolean even = l.padY() == l.padX();
            return new LayerJson(l.name(), l.type(), l.n(), l.k(), l.c(), l.y(), l.x(), l.r(), l.s(), l.stride(),
                    even ? l.padY() : null, even ? null : l.padY(), even ? null : l.padX());
        }
    }

    record CandidateJson(String layer, Integer r) implements Checked {
        @Override
        public VariantCandidate toDomain() {
            String where = where("variant candidate", layer);
            return new VariantCandidate(required(layer, "layer", where), required(r, "r", where));
        }
    }

    record RowJson(List<String> variants, Double value, String note) implements Checked {
        @Override
        public AccuracyRow toDomain() {
            String where = "an accuracy row" + (variants == null ? "" : " " + variants);
            return new AccuracyRow(required(variants, "variants", where), required(value, "value", where), note);
        }
    }

    record AccuracyJson(String metric, Boolean higherIsBetter, List<RowJson> rows) implements Checked {
        @Override
        public AccuracyTable toDomain() {
            String where = where("accuracy table", metric);
            return new AccuracyTable(required(metric, "metric", where), required(higherIsBetter, "higherIsBetter", where),
                    each(required(rows, "rows", where), "rows", RowJson::toDomain));
        }

        static AccuracyJson of(AccuracyTable t) {
            return new AccuracyJson(t.metric(), t.higherIsBetter(),
                    t.rows().stream().map(r -> new RowJson(r.variants(), r.value(), r.note())).toList());
        }
    }

    record ModelJson(String format, String id, String description, Double accuracyFloor, List<LayerJson> layers,
                     List<CandidateJson> candidates, AccuracyJson accuracy) implements Checked {
        @Override
        public Model toDomain() {
            String where = where("model", id);
            required(id, "id", where);
            List<Layer> ls = each(required(layers, "layers", where), "layers", LayerJson::toDomain);
            List<VariantCandidate> cs = each(list(candidates), "candidates", CandidateJson::toDomain);
            AccuracyTable table;
            try {
                table = accuracy == null ? null : accuracy.toDomain();
            } catch (DomainException e) {
                throw e.under("accuracy");
            }
            return new Model(id, description, ls, cs, table, required(accuracyFloor, "accuracyFloor", where));
        }

        static ModelJson of(Model m, String format) {
            return new ModelJson(format, m.id(), m.description(), m.accuracyFloor(),
                    m.layers().stream().map(LayerJson::of).toList(),
                    m.candidates().stream().map(c -> new CandidateJson(c.layer(), c.ratio())).toList(),
                    m.accuracy() == null ? null : AccuracyJson.of(m.accuracy()));
        }
    }

    record AcceleratorJson(String id, Dataflow dataflow, Integer numPes, Double clockMhz, Integer nocBandwidth,
                           Integer offchipBandwidth, Long globalBufferBytes, Long localMemoryBytes) implements Checked {
        @Override
        public Accelerator toDomain() {
            String where = where("accelerator", id);
            return new Accelerator(required(id, "id", where), required(dataflow, "dataflow", where),
                    required(numPes, "numPes", where), required(clockMhz, "clockMhz", where),
                    required(nocBandwidth, "nocBandwidth", where), required(offchipBandwidth, "offchipBandwidth", where),
                    required(globalBufferBytes, "globalBufferBytes", where), required(localMemoryBytes, "localMemoryBytes", where));
        }

        static AcceleratorJson of(Accelerator a) {
            return new AcceleratorJson(a.id(), a.dataflow(), a.numPes(), a.clockMhz(), a.nocBandwidth(),
                    a.offchipBandwidth(), a.globalBufferBytes(), a.localMemoryBytes());
        }
    }

    record PlatformJson(String name, List<AcceleratorJson> accelerators) implements Checked {
        @Override
        public Platform toDomain() {
            String where = where("platform", name);
            return new Platform(required(name, "name", where),
                    each(required(accelerators, "accelerators", where), "accelerators", AcceleratorJson::toDomain));
        }

        static PlatformJson of(Platform p) {
            return new PlatformJson(p.name(), p.accelerators().stream().map(AcceleratorJson::of).toList());
        }
    }

    record DependsOnJson(String parent, Double probability) implements Checked {
        @Override
        public Dependency toDomain() {
            String where = "a dependency";
            return new Dependency(required(parent, "parent", where), required(probability, "probability", where));
        }
    }

    record TaskJson(String id, String model, Double fps, Long deadlineNs, Long offsetNs, Long jitterNs,
                    DependsOnJson dependsOn, Double weight) implements Checked {
        @Override
        public Task toDomain() {
            String where = where("task", id);
            Dependency dependency;
            try {
                dependency = dependsOn == null ? null : dependsOn.toDomain();
            } catch (DomainException e) {
                throw e.under("dependsOn");
            }
            return new Task(required(id, "id", where), required(model, "model", where), required(fps, "fps", where),
                    deadlineNs == null ? 0 : deadlineNs, offsetNs == null ? 0 : offsetNs, jitterNs == null ? 0 : jitterNs,
                    dependency, weight == null ? 1.0 : weight);
        }

        static TaskJson of(Task t) {
            Dependency d = t.dependency();
            return new TaskJson(t.id(), t.model(), t.fps(), t.deadlineNs(), t.offsetNs(), t.jitterNs(),
                    d == null ? null : new DependsOnJson(d.parent(), d.probability()), t.weight());
        }
    }

    record InstanceJson(String format, String name, String description, PlatformJson platform, List<ModelJson> models,
                        List<TaskJson> tasks) implements Checked {
        @Override
        public Instance toDomain() {
            String where = where("instance", name);
            List<ModelJson> ms = required(models, "models", where);
            for (int i = 0; i < ms.size(); i++) {
                if (ms.get(i) != null && ms.get(i).format() != null) {
                    throw new DomainException("models[" + i + "].format", "The format field belongs only to standalone model files, not to a model inside "
                            + where + "; remove it");
                }
            }
            PlatformJson pj = required(platform, "platform", where);
            Platform p;
            try {
                p = pj.toDomain();
            } catch (DomainException e) {
                throw e.under("platform");
            }
            return new Instance(required(name, "name", where), description, p,
                    each(required(models, "models", where), "models", ModelJson::toDomain),
                    each(required(tasks, "tasks", where), "tasks", TaskJson::toDomain));
        }

        static InstanceJson of(Instance i) {
            return new InstanceJson(InstanceFiles.INSTANCE_FORMAT, i.name(), i.description(), PlatformJson.of(i.platform()),
                    i.models().stream().map(m -> ModelJson.of(m, null)).toList(),
                    i.tasks().stream().map(TaskJson::of).toList());
        }
    }
}
