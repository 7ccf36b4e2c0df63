package org.terastal.offline.cpsat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OrToolsTest {
    @Test
    void whenNativesDoNotLoadTheMessageSaysSoAndNamesThePureJavaSolver() {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        assertEquals("The OR-Tools native libraries did not load on " + os + " (java.lang.UnsatisfiedLinkError: no jniortools in "
                + "java.library.path); the cpsat and scip solvers need them. Maybe use --solver choco (pure Java, no natives), or point "
                + "-Djava.io.tmpdir at a folder that allows executing files",
                OrTools.unavailable(new UnsatisfiedLinkError("no jniortools in java.library.path")).getMessage());
    }
}
