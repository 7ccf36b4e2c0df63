package org.terastal.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.terastal.domain.Implementation;
import org.terastal.io.InputException;

/** Reads back the per-frame and per-layer CSVs that {@link SimOutputs} writes, e.g. to check a schedule from its files alone. */
public final class TraceCsv {
    private TraceCsv() {
    }

    /** Reads {@value SimOutputs#FRAMES}. */
    public static List<FrameRecord> readFrames(Path file) {
        List<FrameRecord> out = new ArrayList<>();
        List<String> lines = lines(file, SimOutputs.FRAMES_HEADER);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = fields(file, i, lines.get(i), 10);
            try {
                out.add(new FrameRecord(f[0], f[1], Integer.parseInt(f[2]), f[3].isEmpty() ? -1 : Integer.parseInt(f[3]), Long.parseLong(f[4]),
                        f[5].isEmpty() ? -1 : Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), FrameStatus.parse(f[8]),
                        f[9].isEmpty() ? List.of() : List.of(f[9].split(";"))));
            } catch (IllegalArgumentException e) {
                throw new InputException(file.toString(), i + 1, 1, null, "Malformed frame row: " + e.getMessage());
            }
        }
        return out;
    }

    /** Reads {@value SimOutputs#TIMELINE}. */
    public static List<LayerRecord> readTimeline(Path file) {
        List<LayerRecord> out = new ArrayList<>();
        List<String> lines = lines(file, SimOutputs.TIMELINE_HEADER);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = fields(file, i, lines.get(i), 9);
            try {
                out.add(new LayerRecord(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4], Integer.parseInt(f[5]),
                        Implementation.valueOf(f[6].toUpperCase(Locale.ROOT)), Long.parseLong(f[7]), Long.parseLong(f[8])));
            } catch (IllegalArgumentException e) {
                throw new InputException(file.toString(), i + 1, 1, null, "Malformed timeline row: " + e.getMessage());
            }
        }
        return out;
    }

    private static List<String> lines(Path file, String header) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw new InputException(file.toString(), 1, 1, null, "The header is not the expected '" + header + "'");
        }
        return lines;
    }

    private static String[] fields(Path file, int index, String line, int count) {
        String[] f = line.split(",", -1);
        if (f.length != count) {
            throw new InputException(file.toString(), index + 1, 1, null, "The row has " + f.length + " fields, expected " + count);
        }
        return f;
    }
}
