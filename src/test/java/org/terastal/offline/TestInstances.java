package org.terastal.offline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terastal.io.csv.LatencyCsv;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.domain.Task;
import org.terastal.io.json.InstanceFiles;

/**
 * Instances of the offline tests, built from the shipped model files on the Dual_4K platform
 * (a WS and an OS engine of 2048 PEs at 1 GHz) with the MAESTRO latency table. The mixes put
 * 1.1–1.4 of load on WS if every layer ran there.
 */
public final class TestInstances {
    /** The shipped MAESTRO latency table of the six models. */
    public static final Path LATENCY_CSV = Path.of("latency/six-models-maestro-dual2048.csv");

    private TestInstances() {
    }

    /** A named mix: task id (= model id) to fps, in order. */
    public static Instance mix(String name, Map<String, Double> fps) {
        List<Model> models = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        fps.forEach((model, rate) -> {
            models.add(InstanceFiles.readModel(Path.of("models", model + ".json")));
            tasks.add(new Task(model, model, rate, 0, 0, 0, null, 1.0));
        });
        return new Instance(name, "offline test mix", dual(), models, tasks);
    }

    public static Platform dual() {
        return new Platform("Dual_4K WS+OS", List.of(
                new Accelerator("ws", Dataflow.WS, 2048, 1000.0, 128, 128, 2_097_152, 8192),
                new Accelerator("os", Dataflow.OS, 2048, 1000.0, 128, 128, 2_097_152, 8192)));
    }

    /** resnet50 and inceptionv3 at 30 fps: 1.33 on WS. */
    public static Instance pair() {
        return mix("pair", ordered("resnet50", 30.0, "inceptionv3", 30.0));
    }

    /** swin_tiny 15, sp2dense 30, mobilenetv2_ssd 30: 1.10 on WS. */
    public static Instance trio() {
        return mix("trio", ordered("swin_tiny", 15.0, "sp2dense", 30.0, "mobilenetv2_ssd", 30.0));
    }

    /** All six models: 1.30 on WS. */
    public static Instance six() {
        return mix("six", ordered("vgg11", 10.0, "resnet50", 15.0, "inceptionv3", 10.0, "mobilenetv2_ssd", 30.0,
                "swin_tiny", 5.0, "sp2dense", 15.0));
    }

    /**
     * Which test instance a name stands for: pair, trio, six, a mix written {@code model@fps+model@fps…},
     * or an instance file ({@code instances/skewed-six.json}).
     */
    public static Instance named(String name) {
        if (name.endsWith(".json")) {
            return InstanceFiles.read(Path.of(name));
        }
        return switch (name) {
            case "pair" -> pair();
            case "trio" -> trio();
            case "six" -> six();
            default -> {
                Map<String, Double> fps = new LinkedHashMap<>();
                for (String part : name.split("\\+")) {
                    String[] modelAtFps = part.split("@");
                    fps.put(modelAtFps[0], Double.parseDouble(modelAtFps[1]));
                }
                // '@' and '+' are not allowed in instance names
                yield mix(name.replace('@', '-').replace('+', '_'), fps);
            }
        };
    }

    public static LatencyTable latencies(Instance instance) {
        return LatencyCsv.read(LATENCY_CSV, instance);
    }

    public static Map<String, Double> ordered(Object... pairs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return out;
    }
}
