package org.terastal.io;

/**
 * A problem in a user's input file, located as precisely as the reader could: file, line,
 * column and the path of the offending field.
 *
 * <p>{@link #getMessage()} renders one line in the compiler style editors and terminals
 * recognise, {@code FILE:LINE:COL: MESSAGE (at PATH)}; the position is left out when unknown,
 * the column alone when only the line is known, and the path when there is none. Readers of
 * every format (MAESTRO, JSON, CSV) throw this type so a front end can report them alike.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String path;
    private final String reason;

    /**
     * @param file   the file name as the user gave it
     * @param line   1-based line, or 0 if unknown
     * @param column 1-based column, or 0 if unknown (must be 0 when the line is unknown)
     * @param path   path of the offending field, e.g. {@code Network A > Layer conv1 > Dimensions.K}, or null
     * @param reason what is wrong and, where it helps, what is expected instead
     */
    public InputException(String file, int line, int column, String path, String reason) {
        this(file, line, column, path, reason, null);
    }

    /**
     * As {@link #InputException(String, int, int, String, String)}, keeping the exception of an
     * underlying reader (e.g. a JSON library) as the cause.
     */
    public InputException(String file, int line, int column, String path, String reason, Throwable cause) {
        super(reason, cause);
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("The file of an input error is missing; give the name the user gave");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("The reason of an input error in " + file + " is missing");
        }
        if (line < 0 || column < 0 || (line == 0 && column > 0)) {
            throw new IllegalArgumentException("The position " + line + ":" + column + " of an input error in " + file
                    + " is invalid; use 1-based numbers, 0 for unknown, and no column without a line");
        }
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path;
        this.reason = reason;
    }

    /** A failure that concerns the file as a whole (no line or field). */
    public InputException(String file, String reason) {
        this(file, 0, 0, null, reason);
    }

    /** The file name as the user gave it. */
    public String file() {
        return file;
    }

    /** 1-based line, or 0 if unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 if unknown. */
    public int column() {
        return column;
    }

    /** Path of the offending field, or null. */
    public String path() {
        return path;
    }

    /** The message without file, position and path. */
    public String reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ").append(reason);
        if (path != null) {
            text.append(" (at ").append(path).append(')');
        }
        // Log scrapers and editors take one error per line, so a reason quoting file content
        // with line breaks must not split the report.
        return text.toString().replaceAll("\\R", " ");
    }
}
