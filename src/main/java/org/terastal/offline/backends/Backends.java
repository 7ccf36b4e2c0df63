package org.terastal.offline.backends;

import java.util.List;
import org.terastal.offline.Backend;
import org.terastal.offline.choco.ChocoBackend;
import org.terastal.offline.cpsat.CpSatBackend;
import org.terastal.offline.scip.ScipBackend;

/**
 * The available back-ends by name. Creating one loads nothing; natives load on the first solve.
 * The registry lives apart from {@code offline}, which the back-ends build on, so that no package
 * of the offline stage depends on one that depends on it.
 */
public final class Backends {
    /** Names, default first. */
    public static final List<String> NAMES = List.of("cpsat", "choco", "scip");

    private Backends() {
    }

    /** The back-end with that name. */
    public static Backend create(String name) {
        return switch (name) {
            case "cpsat" -> new CpSatBackend();
            case "choco" -> new ChocoBackend();
            case "scip" -> new ScipBackend();
            default -> throw new IllegalArgumentException("The solver (" + name + ") is not one of " + NAMES
                    + "; maybe cpsat, or choco where OR-Tools natives do not load");
        };
    }
}
