package org.terastal.domain;

import java.util.List;

/**
 * The SoC: its accelerators, in a fixed order that indexes latency tables.
 *
 * @param name         platform name, e.g. {@code Dual_4K WS+OS}
 * @param accelerators at least one accelerator, unique ids
 */
public record Platform(String name, List<Accelerator> accelerators) {
    public Platform {
        Checks.requireName(name, "name", "a platform");
        if (accelerators == null || accelerators.isEmpty()) {
            throw new DomainException("accelerators", "The accelerators of platform '" + name + "' are missing; give at least one");
        }
        Limits.inRange(accelerators.size(), 1, Limits.MAX_ACCELERATORS, "accelerators", "platform '" + name + "'", "accelerators");
        accelerators = List.copyOf(accelerators);
        Checks.unique(accelerators, Accelerator::id, "accelerator id", "platform '" + name + "'", "accelerators", "id");
    }

    /** Index of the accelerator with that id, or -1. */
    public int indexOf(String acceleratorId) {
        for (int i = 0; i < accelerators.size(); i++) {
            if (accelerators.get(i).id().equals(acceleratorId)) {
                return i;
            }
        }
        return -1;
    }

    public int size() {
        return accelerators.size();
    }
}
