package org.terastal.domain;

/**
 * A domain object failed validation. Carries the path of the offending field relative to the
 * object being built (e.g. {@code K}, {@code accuracy.rows[5].variants}), so that readers can
 * point at the right place in the file the object came from.
 */
public class DomainException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String path;

    public DomainException(String path, String message) {
        super(message);
        this.path = path;
    }

    /** Field path relative to the object that was being built, or null. */
    public String path() {
        return path;
    }

    /** The same failure seen from an enclosing object: {@code prefix} is prepended to the path. */
    public DomainException under(String prefix) {
        String joined = path == null ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
        DomainException e = new DomainException(joined, getMessage());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
