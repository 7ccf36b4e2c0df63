package org.terastal.offline;

/** A solver back-end cannot run here (e.g. its native libraries do not load); the message says what to use instead. */
public class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
