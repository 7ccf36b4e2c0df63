package org.terastal.io;

/**
 * Bad input in a file: carries the file as the user named it, the 1-based line and column
 * (0 when unknown), the field path (null when none) and what is wrong. Its message is one line:
 * {@code FILE:LINE:COL: MESSAGE (at PATH)}.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;
    private final String path;
    private final String detail;

    public InputException(String file, int line, int column, String path, String detail) {
        super(render(file, line, column, path, detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path;
        this.detail = detail;
    }

    /** A failure that concerns the file as a whole (no line or field). */
    public InputException(String file, String detail) {
        this(file, 0, 0, null, detail);
    }

    private static String render(String file, int line, int column, String path, String detail) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(detail);
        if (path != null && !path.isEmpty()) {
            sb.append(" (at ").append(path).append(')');
        }
        return sb.toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** Field path, or null. */
    public String path() {
        return path;
    }

    /** The message without file, place and path. */
    public String detail() {
        return detail;
    }
}
