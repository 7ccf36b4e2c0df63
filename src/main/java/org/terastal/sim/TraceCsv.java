package org.terastal.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.terastal.domain.Implementation;
import org.terastal.io.csv.CsvRows;

/** Reads back the per-frame and per-layer CSVs that {@link SimOutputs} writes, e.g. to check a schedule from its files alone. */
public final class TraceCsv {
    private TraceCsv() {
    }

    /** Reads {@value SimOutputs#FRAMES}. */
    public static List<FrameRecord> readFrames(Path file) {
        List<FrameRecord> out = new ArrayList<>();
        CsvRows.read(file, CsvRows.Format.of(SimOutputs.FRAMES_HEADER), row -> {
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
        CsvRows.read(file, CsvRows.Format.of(SimOutputs.TIMELINE_HEADER), row -> {
            Implementation implementation;
            try {
                implementation = Implementation.valueOf(row.get("implementation").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error("implementation", "is not one of original, variant");
            }
            try {
                out.add(new LayerRecord(row.get("accelerator"), row.get("model"), row.get("task"), integer(row, "frame"), row.get("layer"),
                        integer(row, "layer_index"), implementation, row.getLong("start_ns"), row.getLong("end_ns")));
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

    /** An integer that is empty when absent (-1). */
    private static long optional(CsvRows.Row row, String column) {
        return row.get(column).isEmpty() ? -1 : row.getLong(column);
    }
}
