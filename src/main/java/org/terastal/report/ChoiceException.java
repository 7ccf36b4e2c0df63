package org.terastal.report;

/**
 * A choice of the command line (a scenario or suite, a scheduler, a late-frame policy, a load, a
 * window) that the results folder has nothing of: a wrong command-line value, found only once the
 * folder is read. The message names the value and what the folder has.
 */
public final class ChoiceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ChoiceException(String message) {
        super(message);
    }
}
