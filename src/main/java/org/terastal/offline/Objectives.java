package org.terastal.offline;

import java.util.List;

/** Names of the lexicographic objective terms, most important first; solution files report them under these names. */
public final class Objectives {
    /** Load of the busiest accelerator, ppm; minimised first. */
    public static final String MAX_LOAD = "maxLoadPpm";
    /** Work of the layers that can migrate within their budget, ppm of an accelerator; maximised second. */
    public static final String MIGRATABLE_WORK = "migratableWorkPpm";
    /** Summed worst-case accuracy loss of the enabled variant sets, ppm; minimised last. */
    public static final String ACCURACY_LOSS = "accuracyLossPpm";
    /** All terms in lexicographic order. */
    public static final List<String> ORDER = List.of(MAX_LOAD, MIGRATABLE_WORK, ACCURACY_LOSS);

    private Objectives() {
    }
}
