package org.terastal.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.Model;

/**
 * The per-frame records and per-layer timeline of a run, kept as primitive arrays (a long run has
 * millions of layers) and turned into {@link FrameRecord}s and {@link LayerRecord}s on demand.
 */
public final class Trace {
    private final Instance instance;
    private final int[] fTask;
    private final int[] fIndex;
    private final int[] fParentIndex;
    private final long[] fRelease;
    private final long[] fStart;
    private final long[] fFinish;
    private final long[] fDeadline;
    private final FrameStatus[] fStatus;
    private final long[] fVariants;
    /** Longs per executed layer in a timeline: start, end, frame id and layer, accelerator and implementation. */
    static final int STRIDE = 4;
    /** Largest number of layers a timeline holds. */
    static final int MAX_LAYERS = Integer.MAX_VALUE / STRIDE;
    private static final int T_START = 0;
    private static final int T_END = 1;
    /** Frame id in the high 32 bits, layer index in the low 32. */
    private static final int T_FRAME_LAYER = 2;
    /** Accelerator index above the low 8 bits, implementation ordinal in them. */
    private static final int T_ACC_IMPL = 3;
    private final long[] timeline;
    /** Executed layers: the first entries of {@link #timeline}, which may be longer (sized for the run up front). */
    private final int layers;

    Trace(Instance instance, int[] fTask, int[] fIndex, int[] fParentIndex, long[] fRelease, long[] fStart, long[] fFinish,
          long[] fDeadline, FrameStatus[] fStatus, long[] fVariants, long[] timeline, int layers) {
        this.instance = instance;
        this.fTask = fTask;
        this.fIndex = fIndex;
        this.fParentIndex = fParentIndex;
        this.fRelease = fRelease;
        this.fStart = fStart;
        this.fFinish = fFinish;
        this.fDeadline = fDeadline;
        this.fStatus = fStatus;
        this.fVariants = fVariants;
        this.timeline = timeline;
        this.layers = layers;
    }

    /** Number of released frames. */
    public int frameCount() {
        return fTask.length;
    }

    /** Number of executed layers. */
    public int layerCount() {
        return layers;
    }

    /** The frames in release order (ties in event order). */
    public List<FrameRecord> frames() {
        List<FrameRecord> out = new ArrayList<>(fTask.length);
        for (int f = 0; f < fTask.length; f++) {
            out.add(frame(f));
        }
        return out;
    }

    /** One frame by its id in the run. */
    public FrameRecord frame(int f) {
        var task = instance.tasks().get(fTask[f]);
        Model model = instance.model(task.model());
        return new FrameRecord(task.id(), model.id(), fIndex[f], fParentIndex[f], fRelease[f], fStart[f], fFinish[f], fDeadline[f],
                fStatus[f], variantNames(model, fVariants[f]));
    }

    /** The executed layers in completion order (ties in accelerator-event order). */
    public List<LayerRecord> layers() {
        List<LayerRecord> out = new ArrayList<>(layers);
        for (int i = 0; i < layers; i++) {
            out.add(layer(i));
        }
        return out;
    }

    /** One executed layer by its position in completion order. */
    public LayerRecord layer(int i) {
        java.util.Objects.checkIndex(i, layers);
        int at = i * STRIDE;
        int f = (int) (timeline[at + T_FRAME_LAYER] >>> 32);
        int layer = (int) timeline[at + T_FRAME_LAYER];
        int acc = (int) (timeline[at + T_ACC_IMPL] >>> 8);
        var task = instance.tasks().get(fTask[f]);
        Model model = instance.model(task.model());
        return new LayerRecord(instance.platform().accelerators().get(acc).id(), model.id(), task.id(), fIndex[f],
                model.layers().get(layer).name(), layer, Implementation.values()[(int) (timeline[at + T_ACC_IMPL] & 0xFF)],
                timeline[at + T_START], timeline[at + T_END]);
    }

    /** Records executed layer {@code i} in a timeline of {@link #STRIDE} longs per layer. */
    static void put(long[] timeline, int i, int acc, int frame, int layer, byte impl, long start, long end) {
        int at = i * STRIDE;
        timeline[at + T_START] = start;
        timeline[at + T_END] = end;
        timeline[at + T_FRAME_LAYER] = ((long) frame << 32) | layer;
        timeline[at + T_ACC_IMPL] = ((long) acc << 8) | impl;
    }

    /** Names of the candidates whose bits are set, in layer order. */
    static List<String> variantNames(Model model, long mask) {
        if (mask == 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < model.candidates().size(); c++) {
            if ((mask & (1L << c)) != 0) {
                names.add(model.candidates().get(c).layer());
            }
        }
        names.sort(Comparator.comparingInt(model::layerIndex));
        return names;
    }
}
