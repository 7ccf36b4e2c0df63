package org.terastal.io.maestro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.terastal.io.maestro.TestFiles.lines;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.io.InputException;

class MaestroHardwareParserTest {

    /** XRBench's own layout: two-space indents, trailing blanks, comments after values. */
    private static final List<String> XRBENCH_BLOCK = List.of(
            "Accelerator Acc0_4K {",
            "  num_pes: 4096",
            "  offchip_bw: 128",
            "  top_noc_bw: 256",
            "  top_noc_latency: 1",
            "  top_noc_multicast: True  ",
            "  col_noc_bw: 256",
            "  col_noc_latency: 1",
            "  col_noc_multicast: True",
            "  global_shared_memory: 4194304 // 4 MiB",
            "  PE_local_memory: 8192 // 8KiB",
            "}");

    /** The block with line {@code index} (0-based) replaced, or removed when {@code line} is null. */
    private static String block(int index, String line) {
        List<String> lines = new ArrayList<>(XRBENCH_BLOCK);
        if (line == null) {
            lines.remove(index);
        } else {
            lines.set(index, line);
        }
        return lines(lines.toArray(String[]::new));
    }

    private static void assertError(String text, String expected) {
        InputException e = assertThrows(InputException.class, () -> MaestroHardwareParser.parse("hw.m", text));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void dual4k() {
        MaestroHardware hw = MaestroHardwareParser.parse("maestro/Dual_4K.m", TestFiles.read("Dual_4K.m"));
        MaestroAccelerator acc0 = new MaestroAccelerator("Acc0_2K", 2048, 128, 128, 1, true, 128, 1, true, 2097152, 8192);
        assertEquals(List.of(acc0, new MaestroAccelerator("Acc1_2K", 2048, 128, 128, 1, true, 128, 1, true, 2097152, 8192)),
                hw.accelerators());
        assertEquals(List.of(new Accelerator("Acc0_2K", Dataflow.WS, 2048, 1000, 128, 128, 2097152, 8192),
                new Accelerator("Acc1_2K", Dataflow.OS, 2048, 1000, 128, 128, 2097152, 8192)),
                hw.toAccelerators(List.of(Dataflow.WS, Dataflow.OS)));
    }

    @Test
    void xrbenchLayoutInAnyKeyOrder() {
        List<String> lines = new ArrayList<>(XRBENCH_BLOCK);
        lines.add(1, lines.remove(10));
        MaestroHardware hw = MaestroHardwareParser.parse("Single_4K.m", lines(lines.toArray(String[]::new)));
        assertEquals(List.of(new MaestroAccelerator("Acc0_4K", 4096, 128, 256, 1, true, 256, 1, true, 4194304, 8192)),
                hw.accelerators());
        assertEquals(new Accelerator("Acc0_4K", Dataflow.RS, 4096, 1000, 256, 128, 4194304, 8192),
                hw.accelerators().get(0).toAccelerator(Dataflow.RS));
        MaestroHardware noLatency = MaestroHardwareParser.parse("hw.m", block(4, "  top_noc_latency: 0"));
        assertEquals(0, noLatency.accelerators().get(0).topNocLatency());
        assertEquals(false, MaestroHardwareParser.parse("hw.m", block(8, "  col_noc_multicast: False"))
                .accelerators().get(0).colNocMulticast());
    }

    @Test
    void dataflowCountMustMatch() {
        MaestroHardware hw = MaestroHardwareParser.parse("Dual_4K.m", TestFiles.read("Dual_4K.m"));
        InputException e = assertThrows(InputException.class,
                () -> hw.toAccelerators(List.of(Dataflow.WS, Dataflow.OS, Dataflow.RS)));
        assertEquals("Dual_4K.m: The file defines 2 accelerators (Acc0_2K, Acc1_2K) but 3 dataflows were given "
                + "(WS, OS, RS); give one dataflow per accelerator, in order", e.getMessage());
        InputException one = assertThrows(InputException.class, () -> hw.toAccelerators(List.of(Dataflow.WS)));
        assertEquals("Dual_4K.m: The file defines 2 accelerators (Acc0_2K, Acc1_2K) but 1 dataflow was given "
                + "(WS); give one dataflow per accelerator, in order", one.getMessage());
    }

    @Test
    void unknownMissingAndDuplicateKeys() {
        assertError(block(1, "  num_pe: 2048"), "hw.m:2:3: Unknown key 'num_pe'; allowed keys in an accelerator are num_pes, "
                + "offchip_bw, top_noc_bw, top_noc_latency, top_noc_multicast, col_noc_bw, col_noc_latency, col_noc_multicast, "
                + "global_shared_memory, PE_local_memory (at Accelerator Acc0_4K > num_pe)");
        assertError(block(10, null), "hw.m:1:1: Missing key 'PE_local_memory'; an accelerator needs num_pes, offchip_bw, "
                + "top_noc_bw, top_noc_latency, top_noc_multicast, col_noc_bw, col_noc_latency, col_noc_multicast, "
                + "global_shared_memory, PE_local_memory (at Accelerator Acc0_4K > PE_local_memory)");
        assertError(block(2, "  num_pes: 1024"),
                "hw.m:3:3: Duplicate key 'num_pes'; the first is at 2:3 (at Accelerator Acc0_4K > num_pes)");
        String one = block(0, XRBENCH_BLOCK.get(0));
        assertError(one + one, "hw.m:13:13: Duplicate accelerator 'Acc0_4K'; the first is at 1:13 (at Accelerator Acc0_4K)");
    }

    @Test
    void badValues() {
        assertError(block(1, "  num_pes: 2K"),
                "hw.m:2:12: num_pes must be a positive integer, found '2K' (at Accelerator Acc0_4K > num_pes)");
        assertError(block(3, "  top_noc_bw: 0"),
                "hw.m:4:15: top_noc_bw must be a positive integer, found '0' (at Accelerator Acc0_4K > top_noc_bw)");
        assertError(block(4, "  top_noc_latency: -1"),
                "hw.m:5:20: top_noc_latency must be a non-negative integer, found '-1' (at Accelerator Acc0_4K > top_noc_latency)");
        assertError(block(5, "  top_noc_multicast: Yes"),
                "hw.m:6:22: top_noc_multicast must be True or False, found 'Yes' (at Accelerator Acc0_4K > top_noc_multicast)");
        assertError(block(1, "  num_pes: 4294967296"),
                "hw.m:2:12: num_pes (4294967296) is too large; at most 16777216 (at Accelerator Acc0_4K > num_pes)");
    }

    @Test
    void valuesBeyondTheAcceleratorsRangesFailAtTheirLine() {
        // the accelerator's own ranges would refuse them later, without the file's name
        assertError(block(1, "  num_pes: 16777217"),
                "hw.m:2:12: num_pes (16777217) is too large; at most 16777216 (at Accelerator Acc0_4K > num_pes)");
        assertError(block(3, "  top_noc_bw: 16777217"),
                "hw.m:4:15: top_noc_bw (16777217) is too large; at most 16777216 (at Accelerator Acc0_4K > top_noc_bw)");
        assertError(block(2, "  offchip_bw: 16777217"),
                "hw.m:3:15: offchip_bw (16777217) is too large; at most 16777216 (at Accelerator Acc0_4K > offchip_bw)");
        assertError(block(9, "  PE_local_memory: 1125899906842625"),
                "hw.m:10:20: PE_local_memory (1125899906842625) is too large; at most 1125899906842624 (at Accelerator Acc0_4K > PE_local_memory)");
    }

    @Test
    void structure() {
        assertError("// tmp verison\n", "hw.m:2:1: No accelerator found; a MAESTRO hardware file holds one or more "
                + "'Accelerator NAME { ... }' blocks");
        assertError(lines("Network A {"), "hw.m:1:1: Expected 'Accelerator' at the top level, found 'Network'");
        assertError(block(11, ""), "hw.m:13:1: Unexpected end of file: the '{' opened at 1:21 is not closed (at Accelerator Acc0_4K)");
    }
}
