package org.terastal.io.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.terastal.domain.Implementation;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.csv.CsvWriter;
import org.terastal.sim.FrameRecord;
import org.terastal.sim.FrameStatus;
import org.terastal.sim.LayerRecord;
import org.terastal.sim.Trace;

/**
 * The trace of a run as CSV, written into {@value SimOutputs#FRAMES} and {@value SimOutputs#TIMELINE}
 * and read back, e.g. to check a schedule from its files alone.
 * <ul>
 *   <li>Frames: one row per released frame, header {@value #FRAMES_HEADER}; {@code start_ns} is empty
 *       when no layer ran, {@code finish_ns} is the completion time or, for a dropped frame, the time it
 *       was dropped; {@code parent_frame} is the parent task's frame index for a cascaded release, else
 *       empty; {@code variants} lists the layers that ran as variants, separated by {@code ;}.</li>
 *   <li>Timeline: one row per executed layer, header {@value #TIMELINE_HEADER}, in order of
 *       completion; plot it as a Gantt chart.</li>
 * </ul>
 */
public final class TraceCsv {
    public static final String FRAMES_HEADER = "task,model,frame,parent_frame,release_ns,start_ns,finish_ns,deadline_ns,status,variants";
    public static final String TIMELINE_HEADER = "accelerator,model,task,frame,layer,layer_index,implementation,start_ns,end_ns";

    private TraceCsv() {
    }

    /** Writes the per-frame CSV. */
    public static void writeFrames(Trace trace, Writer w) throws IOException {
        CsvWriter.writeTo(w, csv -> {
            csv.header(FRAMES_HEADER);
            for (int f = 0; f < trace.frameCount(); f++) {
                FrameRecord r = trace.frame(f);
                csv.row(r.task(), r.model(), Integer.toString(r.frame()), r.parentFrame() >= 0 ? Integer.toString(r.parentFrame()) : "",
                        Long.toString(r.releaseNs()), r.startNs() >= 0 ? Long.toString(r.startNs()) : "", Long.toString(r.finishNs()),
                        Long.toString(r.deadlineNs()), r.status().label(), String.join(";", r.variants()));
            }
        });
    }

    /** Writes the per-layer timeline CSV. */
    public static void writeTimeline(Trace trace, Writer w) throws IOException {
        writeTimeline(trace, w, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Writes the per-layer timeline CSV of the layers that overlap [fromNs, toNs) (layers are not cut). */
    public static void writeTimeline(Trace trace, Writer w, long fromNs, long toNs) throws IOException {
        CsvWriter.writeTo(w, csv -> {
            csv.header(TIMELINE_HEADER);
            for (int i = 0; i < trace.layerCount(); i++) {
                LayerRecord r = trace.layer(i);
                if (r.endNs() <= fromNs || r.startNs() >= toNs) {
                    continue;
                }
                csv.row(r.accelerator(), r.model(), r.task(), Integer.toString(r.frame()), r.layer(), Integer.toString(r.layerIndex()),
                        r.implementation().label(), Long.toString(r.startNs()), Long.toString(r.endNs()));
            }
        });
    }

    /** Reads {@value SimOutputs#FRAMES}. */
    public static List<FrameRecord> readFrames(Path file) {
        List<FrameRecord> out = new ArrayList<>();
        CsvRows.read(file, CsvRows.Format.of(FRAMES_HEADER), row -> {
            FrameStatus status;
            try {
                status = FrameStatus.parse(row.get("status"));
            } catch (IllegalArgumentException e) {
                throw row.error("status", "is not one of " + Arrays.stream(FrameStatus.values()).map(FrameStatus::label).toList());
            }
            String variants = row.get("variants");
            try {
                out.add(new FrameRecord(row.get("task"), row.get("model"), integer(row, "frame"),
                        row.get("parent_frame").isEmpty() ? -1 : integer(row, "parent_frame"),
                        row.getLong("release_ns"), optional(row, "start_ns"), row.getLong("finish_ns"), row.getLong("deadline_ns"), status,
                        variants.isEmpty() ? List.of() : List.of(variants.split(";"))));
            } catch (IllegalArgumentException e) {
                throw row.rowError("Malformed frame row: " + e.getMessage());
            }
        });
        return out;
    }

    /** Reads {@value SimOutputs#TIMELINE}. */
    public static List<LayerRecord> readTimeline(Path file) {
        List<LayerRecord> out = new ArrayList<>();
        CsvRows.read(file, CsvRows.Format.of(TIMELINE_HEADER), row -> {
            Implementation implementation;
            try {
                implementation = Implementation.valueOf(row.get("implementation").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error("implementation", "is not one of original, variant");
            }
            try {
                out.add(new LayerRecord(row.get("accelerator"), row.get("model"), row.get("task"), integer(row, "frame"), row.get("layer"),
                        integer(row, "layer_index"), implementation, time(row, "start_ns"), time(row, "end_ns")));
            } catch (IllegalArgumentException e) {
                throw row.rowError("Malformed timeline row: " + e.getMessage());
            }
        });
        return out;
    }

    private static int integer(CsvRows.Row row, String column) {
        long v = row.getLong(column);
        if (v != (int) v) {
            throw row.error(column, "is out of range");
        }
        return (int) v;
    }

    /** A time in ns: simulated time starts at 0. */
    private static long time(CsvRows.Row row, String column) {
        long v = row.getLong(column);
        if (v < 0) {
            throw row.error(column, "must not be negative");
        }
        return v;
    }

    /** An integer that is empty when absent (-1). */
    private static long optional(CsvRows.Row row, String column) {
        return row.get(column).isEmpty() ? -1 : row.getLong(column);
    }
}
