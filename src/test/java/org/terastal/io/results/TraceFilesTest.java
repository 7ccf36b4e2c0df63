package org.terastal.io.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.io.InputException;

/** The traces a report reads (index and timelines): a row out of range is refused at its place, not drawn or matched to no run. */
class TraceFilesTest {
    @TempDir
    Path dir;

    private String error(String row) throws IOException {
        Files.writeString(dir.resolve("t.csv"), "");
        Files.writeString(dir.resolve("r.csv"), "");
        Path index = dir.resolve(TraceFiles.INDEX);
        Files.writeString(index, TraceFiles.INDEX_HEADER + "\n" + row + "\n");
        return assertThrows(InputException.class, () -> TraceFiles.readIndex(index)).getMessage();
    }

    @Test
    void aTimelineStartsAtZero() throws IOException {
        Path timeline = dir.resolve("timeline.csv");
        Files.writeString(timeline, TraceCsv.TIMELINE_HEADER + "\nws,m,t,0,l,0,original,-1,5\n");
        assertEquals(timeline + ":2:23: The start_ns (-1) must not be negative",
                assertThrows(InputException.class, () -> TraceCsv.readTimeline(timeline)).getMessage());
    }

    @Test
    void aLoadMustBePositive() throws IOException {
        assertEquals(dir.resolve("index.csv") + ":2:9: The load (-1) must be a positive number",
                error("s,edf,1,-1,drop,0,1000,t.csv,r.csv"));
    }

    @Test
    void aWindowMustNotStartBeforeZero() throws IOException {
        assertEquals(dir.resolve("index.csv") + ":2:16: The window_from_ns (-5) must not be negative",
                error("s,edf,1,1,drop,-5,1000,t.csv,r.csv"));
    }
}
