package org.terastal.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.terastal.domain.Implementation;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.io.json.SolutionFilesTest;
import org.terastal.testkit.AwkwardNames;

class SolutionCsvTest {
    @Test
    void oneRowPerLayerWithUnitsInTheHeader() {
        assertEquals("""
                model,layer,position,home,implementation,budget_ns,deadline_offset_ns,flexible,variant_enabled,worst_case_accuracy,\
                original_ns_ws,original_ns_os,variant_ns_ws,variant_ns_os
                m,a,0,ws,original,1500,1500,false,false,0.9857142857142858,1000,2000,,
                m,b,1,os,variant,900,2400,true,true,0.9857142857142858,800,1600,300,500
                """, SolutionCsv.format(SolutionFilesTest.sample()));
    }

    /** Accelerator ids that need quoting, in the header and in the home column, read back whole. */
    @Test
    void awkwardAcceleratorIdsReadBack() {
        String ws = AwkwardNames.ACCELERATORS.get(0);
        String os = AwkwardNames.ACCELERATORS.get(1);
        Map<String, Long> ns = new LinkedHashMap<>();
        ns.put(ws, 1000L);
        ns.put(os, 2000L);
        Solution s = SolutionFilesTest.sample();
        Solution awkward = new Solution(s.instance(), s.instanceChecksum(), s.status(), s.solver(), s.formulation(), s.objective(), s.bound(),
                s.gap(), s.wallTimeMs(), s.parameters(), List.of(new ModelPlan("m", List.of(), 1, List.of(
                        new LayerPlan("a", os, Implementation.ORIGINAL, 2000, 2000, false, ns, Map.of())))));
        CsvRows.Row row = CsvRows.parse("s.csv", SolutionCsv.format(awkward), CsvRows.Format.atLeast(List.of("home", "original_ns_" + ws,
                "original_ns_" + os, "variant_ns_" + ws), List.of())).get(0);
        assertEquals(List.of(os, "1000", "2000", ""), List.of(row.get("home"), row.get("original_ns_" + ws), row.get("original_ns_" + os),
                row.get("variant_ns_" + ws)));
    }
}
