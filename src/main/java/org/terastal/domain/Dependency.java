package org.terastal.domain;

/**
 * A cascade: a frame of the dependent task is released when the parent's frame completes,
 * with the given probability.
 *
 * @param parent      id of the parent task
 * @param probability probability in (0, 1] that a completed parent frame releases a child frame
 */
public record Dependency(String parent, double probability) {
    public Dependency {
        Checks.requireName(parent, "parent", "a dependency");
        if (!(probability > 0 && probability <= 1)) {
            throw new DomainException("probability", "The probability (" + probability + ") of the dependency on '" + parent
                    + "' must be in (0, 1]");
        }
    }
}
