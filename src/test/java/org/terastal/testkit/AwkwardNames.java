package org.terastal.testkit;

import java.util.ArrayList;
import java.util.List;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Instance;
import org.terastal.domain.Platform;

/**
 * Free-text names that a CSV writer must quote and a reader must take back whole: accelerator ids
 * (which, unlike model, layer and task names, may hold any text) with a comma, a quote and a line
 * break, or with leading white space and a comment mark.
 */
public final class AwkwardNames {
    /** One name per accelerator of a two-engine platform. */
    public static final List<String> ACCELERATORS = List.of("ws, \"big\"\nengine", " #os");
    /** A value with a comma, a quote and a line break, for fields that are free text. */
    public static final String TEXT = "a,b \"c\"\r\nd";

    private AwkwardNames() {
    }

    /** The instance with its accelerators renamed to {@link #ACCELERATORS}, in order. */
    public static Instance renamed(Instance instance) {
        List<Accelerator> accelerators = new ArrayList<>();
        for (int i = 0; i < instance.platform().accelerators().size(); i++) {
            Accelerator a = instance.platform().accelerators().get(i);
            accelerators.add(new Accelerator(ACCELERATORS.get(i), a.dataflow(), a.numPes(), a.clockMhz(), a.nocBandwidth(), a.offchipBandwidth(),
                    a.globalBufferBytes(), a.localMemoryBytes()));
        }
        return new Instance(instance.name(), instance.description(), new Platform(TEXT, accelerators), instance.models(), instance.tasks());
    }
}
