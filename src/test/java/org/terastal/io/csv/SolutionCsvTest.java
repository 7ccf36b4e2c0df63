package org.terastal.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.terastal.io.json.SolutionFilesTest;

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
}
