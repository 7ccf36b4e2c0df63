package org.terastal.scenario.suite;

import java.nio.file.Path;
import org.terastal.io.AtomicFiles;
import org.terastal.io.AtomicFolders;
import org.terastal.io.json.InstanceFiles;
import org.terastal.scenario.suite.Suite.SuiteSet;

/** Writes a suite folder: one canonical instance file per set and the manifest {@value SuiteManifest#FILE}. */
public final class Suites {
    private Suites() {
    }

    /**
     * Writes the folder as a whole ({@link AtomicFolders}): a failure leaves nothing half-written.
     *
     * @param replace whether an existing non-empty folder is replaced; else it is an error
     */
    public static void write(Path folder, Suite suite, boolean replace) {
        String manifest = SuiteManifest.of(suite).toJson();
        AtomicFolders.write(folder, replace, dir -> {
            for (SuiteSet set : suite.sets()) {
                InstanceFiles.write(dir.resolve(set.file()), set.instance());
            }
            AtomicFiles.write(dir.resolve(SuiteManifest.FILE), manifest);
        });
    }
}
