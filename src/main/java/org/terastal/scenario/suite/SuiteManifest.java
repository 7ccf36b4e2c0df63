package org.terastal.scenario.suite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.terastal.domain.Accelerator;
import org.terastal.domain.DomainException;
import org.terastal.domain.Limits;
import org.terastal.domain.Model;
import org.terastal.domain.Task;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.JsonFormats;
import org.terastal.io.json.JsonInputs;
import org.terastal.io.json.JsonPrinter;
import org.terastal.scenario.suite.Suite.SuiteSet;
import org.terastal.scenario.suite.Suite.TaskFigures;
import org.terastal.sweep.SweepPlan;

/**
 * The manifest of a suite folder, {@code suite.json} in format {@value #FORMAT}: how the suite was
 * drawn (generator, every setting, pool, platform, latency source) and per set its file, checksum
 * and figures. Canonical JSON: the same suite gives the same bytes, and reading and writing a
 * manifest gives the same bytes. docs/formats.md describes every field; the JSON Schema is
 * {@code schema/terastal-suite-1.schema.json}.
 *
 * @param format    {@value #FORMAT}
 * @param generator what drew the sets
 * @param name      suite name
 * @param settings  every setting, the seed among them
 * @param platform  the SoC of every set
 * @param latency   where the latencies came from (the table's source)
 * @param pool      the models the tasks were drawn from
 * @param totals    sets, tasks and redraws over the suite
 * @param sets      one entry per set, in index order
 */
public record SuiteManifest(String format, Generator generator, String name, Settings settings, PlatformInfo platform, String latency,
                            List<PoolModel> pool, Totals totals, List<SetEntry> sets) implements JsonInputs.Checked {
    /** Format tag of the manifest. */
    public static final String FORMAT = JsonFormats.SUITE;
    /** File name of the manifest in a suite folder. */
    public static final String FILE = "suite.json";

    /** The generator: its name and the method with its version. */
    public record Generator(String name, String method, Integer version) implements JsonInputs.Checked {
        @Override
        public Object toDomain() {
            return complete(this);
        }
    }

    /** Every setting of the suite; ranges are [min, max]. */
    public record Settings(Long seed, Integer sets, List<Integer> tasks, Double target, List<Double> fps, Double jitter, List<Double> deadline,
                           Double cascade, List<Double> cascadeProbability, Double maxTaskUtil, Integer maxRedraws)
            implements JsonInputs.Checked {
        @Override
        public Object toDomain() {
            return complete(this);
        }
    }

    /** The platform's name and accelerator ids, in the order of {@code preferredLoad}. */
    public record PlatformInfo(String name, List<String> accelerators) implements JsonInputs.Checked {
        @Override
        public Object toDomain() {
            return complete(this);
        }
    }

    /** A model of the pool: id, layer count and SHA-256 of its canonical terastal-model/1 JSON. */
    public record PoolModel(String id, Integer layers, String sha256) implements JsonInputs.Checked {
        @Override
        public Object toDomain() {
            return complete(this);
        }
    }

    /** Totals over the suite. */
    public record Totals(Integer sets, Long tasks, Long redraws) implements JsonInputs.Checked {
        @Override
        public Object toDomain() {
            return complete(this);
        }
    }

    /**
     * One set: its instance file and checksum, its redraws, summed utilisation, fastest-engine load per
     * accelerator, the busiest accelerator, the balanced bound (null unless two accelerators) and its tasks.
     */
    public record SetEntry(Integer index, String name, String file, String checksum, Integer redraws, Double utilisation,
                           Map<String, Double> preferredLoad, String busiest, Double balancedBound, List<TaskEntry> tasks)
            implements JsonInputs.Checked {
        @Override
        public Object toDomain() {
            complete(this, "balancedBound");
            // a file name, not a path: the sets are read from the manifest's own folder
            Limits.requireName(file, "file", "set " + index + " of a suite manifest");
            return this;
        }
    }

    /** One task of a set: as in the instance, plus its utilisation and share; parent and probability for a cascade. */
    public record TaskEntry(String id, String model, Double fps, Long periodNs, Long deadlineNs, Long offsetNs, Long jitterNs, String parent,
                            Double probability, Double utilisation, Double share) implements JsonInputs.Checked {
        @Override
        public Object toDomain() {
            return complete(this, "parent", "probability");
        }
    }

    @Override
    public Object toDomain() {
        complete(this);
        Limits.requireName(name, "name", "a suite manifest");
        if (platform.accelerators().isEmpty()) {
            throw new DomainException("platform.accelerators", "The platform of suite manifest '" + name + "' lists no accelerators; a suite runs on at least one");
        }
        for (int i = 0; i < sets.size(); i++) {
            checkSet(i, sets.get(i));
        }
        return this;
    }

    /** A set's figures agree with its place and the platform: what a reader of the manifest alone relies on. */
    private void checkSet(int i, SetEntry set) {
        String where = "set " + i + " of suite manifest '" + name + "'";
        if (set.index() != i) {
            throw new DomainException("sets[" + i + "].index", "The index (" + set.index() + ") of " + where
                    + " is not its position in the list; the sets are listed in index order, so maybe " + i);
        }
        if (!set.preferredLoad().keySet().equals(Set.copyOf(platform.accelerators())) || set.preferredLoad().containsValue(null)) {
            throw new DomainException("sets[" + i + "].preferredLoad", "The accelerators of preferredLoad " + set.preferredLoad().keySet()
                    + " of " + where + " are not the platform's " + platform.accelerators() + "; one load per accelerator is expected");
        }
        String busiest = platform.accelerators().get(0);
        for (String a : platform.accelerators()) {
            if (set.preferredLoad().get(a) > set.preferredLoad().get(busiest)) {
                busiest = a;
            }
        }
        if (!busiest.equals(set.busiest())) {
            throw new DomainException("sets[" + i + "].busiest", "The busiest accelerator (" + set.busiest() + ") of " + where
                    + " is not the one with the highest preferredLoad; maybe \"" + busiest + "\"");
        }
    }

    /** The manifest of a suite. */
    public static SuiteManifest of(Suite suite) {
        SuiteSettings s = suite.settings();
        List<String> accelerators = s.platform().accelerators().stream().map(Accelerator::id).toList();
        Settings settings = new Settings(s.seed(), s.sets(), List.of(s.tasks().min(), s.tasks().max()), s.target(), range(s.fps()), s.jitter(),
                range(s.deadline()), s.cascade(), range(s.cascadeProbability()), s.maxTaskUtil(), SuiteGenerator.MAX_REDRAWS);
        List<PoolModel> pool = s.pool().stream().map(m -> new PoolModel(m.id(), m.layers().size(), sha256(m))).toList();
        List<SetEntry> sets = new ArrayList<>();
        for (SuiteSet set : suite.sets()) {
            Map<String, Double> loads = new LinkedHashMap<>();
            String busiest = accelerators.get(0);
            for (int a = 0; a < accelerators.size(); a++) {
                loads.put(accelerators.get(a), set.preferredLoad().get(a));
                if (set.preferredLoad().get(a) > loads.get(busiest)) {
                    busiest = accelerators.get(a);
                }
            }
            List<TaskEntry> tasks = set.tasks().stream().map(SuiteManifest::task).toList();
            sets.add(new SetEntry(set.index(), set.instance().name(), set.file(), InstanceFiles.checksum(set.instance()), set.redraws(),
                    set.utilisation(), loads, busiest, Double.isNaN(set.balancedBound()) ? null : set.balancedBound(), tasks));
        }
        return new SuiteManifest(FORMAT, new Generator(SuiteGenerator.NAME, SuiteGenerator.METHOD, SuiteGenerator.METHOD_VERSION), s.name(),
                settings, new PlatformInfo(s.platform().name(), accelerators), s.latency().source(), pool,
                new Totals(suite.sets().size(), suite.tasks(), suite.redraws()), sets);
    }

    private static TaskEntry task(TaskFigures figures) {
        Task t = figures.task();
        boolean cascaded = t.dependency() != null;
        return new TaskEntry(t.id(), t.model(), t.fps(), t.periodNs(), t.effectiveDeadlineNs(), t.offsetNs(), t.jitterNs(),
                cascaded ? t.dependency().parent() : null, cascaded ? t.dependency().probability() : null, figures.utilisation(), figures.share());
    }

    private static List<Double> range(SuiteSettings.Range r) {
        return List.of(r.min(), r.max());
    }

    /** SHA-256 of a model's canonical terastal-model/1 JSON (the bytes of a canonical model file), as {@code sha256:<hex>}. */
    public static String sha256(Model model) {
        return SweepPlan.sha256(InstanceFiles.toJson(model).getBytes(StandardCharsets.UTF_8));
    }

    /** Canonical JSON text of the manifest. */
    public String toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("format", format);
        root.putObject("generator").put("name", generator.name()).put("method", generator.method()).put("version", generator.version());
        root.put("name", name);
        ObjectNode st = root.putObject("settings");
        st.put("seed", settings.seed());
        st.put("sets", settings.sets());
        settings.tasks().forEach(st.putArray("tasks")::add);
        st.put("target", settings.target());
        settings.fps().forEach(st.putArray("fps")::add);
        st.put("jitter", settings.jitter());
        settings.deadline().forEach(st.putArray("deadline")::add);
        st.put("cascade", settings.cascade());
        settings.cascadeProbability().forEach(st.putArray("cascadeProbability")::add);
        st.put("maxTaskUtil", settings.maxTaskUtil());
        st.put("maxRedraws", settings.maxRedraws());
        ObjectNode pf = root.putObject("platform").put("name", platform.name());
        platform.accelerators().forEach(pf.putArray("accelerators")::add);
        root.put("latency", latency);
        ArrayNode models = root.putArray("pool");
        pool.forEach(m -> models.addObject().put("id", m.id()).put("layers", m.layers()).put("sha256", m.sha256()));
        root.putObject("totals").put("sets", totals.sets()).put("tasks", totals.tasks()).put("redraws", totals.redraws());
        ArrayNode entries = root.putArray("sets");
        for (SetEntry set : sets) {
            ObjectNode e = entries.addObject();
            e.put("index", set.index()).put("name", set.name()).put("file", set.file()).put("checksum", set.checksum())
                    .put("redraws", set.redraws()).put("utilisation", set.utilisation());
            ObjectNode loads = e.putObject("preferredLoad");
            set.preferredLoad().forEach(loads::put);
            e.put("busiest", set.busiest());
            if (set.balancedBound() == null) {
                e.putNull("balancedBound");
            } else {
                e.put("balancedBound", set.balancedBound());
            }
            ArrayNode tasks = e.putArray("tasks");
            for (TaskEntry t : set.tasks()) {
                ObjectNode o = tasks.addObject().put("id", t.id()).put("model", t.model()).put("fps", t.fps()).put("periodNs", t.periodNs())
                        .put("deadlineNs", t.deadlineNs()).put("offsetNs", t.offsetNs()).put("jitterNs", t.jitterNs());
                if (t.parent() != null) {
                    o.put("parent", t.parent()).put("probability", t.probability());
                }
                o.put("utilisation", t.utilisation()).put("share", t.share());
            }
        }
        return JsonPrinter.print(root);
    }

    /** Reads a manifest written by {@link #toJson}. */
    public static SuiteManifest read(Path file) {
        return JsonInputs.read(file, SuiteManifest.class, FORMAT);
    }

    /** Every component of a manifest record but the optional ones must be present. */
    private static Record complete(Record record, String... optional) {
        Set<String> may = Set.of(optional);
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read the component " + c.getName() + " of " + record.getClass().getSimpleName(), e);
            }
            if (value == null && !may.contains(c.getName())) {
                throw new DomainException(c.getName(), "The field '" + c.getName() + "' is missing; a " + FORMAT + " manifest needs it");
            }
            if (value instanceof List<?> list && list.stream().anyMatch(Objects::isNull)) {
                throw new DomainException(c.getName(), "The list '" + c.getName() + "' has an empty (null) entry");
            }
        }
        return record;
    }
}
