package org.terastal.sweep;

import java.util.List;
import org.terastal.domain.Decimals;
import org.terastal.sim.LatePolicy;

/**
 * One simulation run of a sweep. Its result lives in its own file, {@code cells/<id>.csv}, so a
 * run that is killed loses no finished cell and shards can write to one shared folder.
 *
 * @param index     position in the sweep's canonical order (scenario, scheduler, late-frame policy, load, seed)
 * @param scenario  scenario name
 * @param scheduler scheduler name
 * @param late      late-frame policy
 * @param load      load factor
 * @param seed      seed
 */
public record Cell(int index, String scenario, String scheduler, LatePolicy late, double load, long seed) {
    /**
     * A stable name made of the cell's settings (not its index, so cells of a sweep that grows keep
     * their files); characters other than letters, digits, '.', '-' and '_' become '_'.
     */
    public String id() {
        String raw = scenario + "__" + scheduler + "__" + late.label() + "__load" + Decimals.plain(load) + "__seed" + seed;
        return raw.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The cell's file name in the {@code cells} folder. */
    public String fileName() {
        return id() + ".csv";
    }

    /** The first five columns every row of the cell's results starts with. */
    List<String> runColumns() {
        return List.of(scenario, scheduler, Long.toString(seed), Decimals.plain(load), late.label());
    }
}
