package org.terastal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InputExceptionTest {

    @Test
    void rendersFileLineColumnMessageAndPath() {
        InputException e = new InputException("scenarios/VR.m", 12, 5, "Network A > Layer conv1 > Dimensions.K",
                "Dimension K must be a positive integer, found '0'");
        assertEquals("scenarios/VR.m:12:5: Dimension K must be a positive integer, found '0' "
                + "(at Network A > Layer conv1 > Dimensions.K)", e.getMessage());
        assertEquals("scenarios/VR.m", e.file());
        assertEquals(12, e.line());
        assertEquals(5, e.column());
        assertEquals("Network A > Layer conv1 > Dimensions.K", e.path());
        assertEquals("Dimension K must be a positive integer, found '0'", e.reason());
    }

    @Test
    void leavesOutWhatIsUnknown() {
        assertEquals("hw.m: Two accelerators but one dataflow", new InputException("hw.m", 0, 0, null,
                "Two accelerators but one dataflow").getMessage());
        assertEquals("tasks.csv:7: Missing column fps (at row 7)", new InputException("tasks.csv", 7, 0, "row 7",
                "Missing column fps").getMessage());
        assertNull(new InputException("a.json", 1, 1, null, "x").path());
    }

    @Test
    void staysOnOneLineAndKeepsTheCause() {
        IllegalStateException cause = new IllegalStateException("parser state");
        InputException e = new InputException("a.json", 3, 9, "$.tasks[0]", "Unexpected token\nat 'x'", cause);
        assertEquals("a.json:3:9: Unexpected token at 'x' (at $.tasks[0])", e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void rejectsImpossiblePositions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InputException("a.m", 0, 4, null, "x"));
        assertEquals("The position 0:4 of an input error in a.m is invalid; use 1-based numbers, 0 for unknown, "
                + "and no column without a line", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new InputException("a.m", -1, 0, null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new InputException(" ", 1, 1, null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new InputException("a.m", 1, 1, null, ""));
    }
}
