package org.terastal.io.maestro;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.terastal.io.InputException;

/**
 * The token stream of a MAESTRO file and the error helpers both MAESTRO parsers share.
 *
 * <p>MAESTRO's own reader splits lines on spaces, tabs and punctuation, so names may hold any
 * other character; here a word is likewise any run of characters that is not white space, not
 * one of {@code { } : , ;} and not the start of a {@code //} comment. Columns count characters,
 * a tab as one, so they match what editors show in their status bar.
 */
final class MaestroTokens {

    /** Kinds of tokens. */
    enum Kind {
        WORD, OPEN, CLOSE, COLON, COMMA, SEMICOLON, END
    }

    /** One token with the 1-based position of its first character. */
    record Token(Kind kind, String text, int line, int column) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equals(word);
        }
    }

    /** Characters that end a word. */
    private static final String PUNCTUATION = "{}:,;";

    private final String file;
    private final List<Token> tokens;
    private int next;

    MaestroTokens(String file, String text) {
        this.file = file;
        this.tokens = tokenize(text);
    }

    private static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\n' || (ch == '\r' && !text.startsWith("\n", i + 1))) {
                line++;
                column = 1;
                i++;
            } else if (Character.isWhitespace(ch) || ch == '\uFEFF') {
                column++;
                i++;
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (PUNCTUATION.indexOf(ch) >= 0) {
                Kind kind = switch (ch) {
                    case '{' -> Kind.OPEN;
                    case '}' -> Kind.CLOSE;
                    case ':' -> Kind.COLON;
                    case ',' -> Kind.COMMA;
                    default -> Kind.SEMICOLON;
                };
                out.add(new Token(kind, String.valueOf(ch), line, column));
                column++;
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                        && PUNCTUATION.indexOf(text.charAt(i)) < 0 && !text.startsWith("//", i)) {
                    i++;
                }
                out.add(new Token(Kind.WORD, text.substring(start, i), line, column));
                column += i - start;
            }
        }
        out.add(new Token(Kind.END, "", line, column));
        return out;
    }

    /** Whether a name survives a write and re-read as one word. */
    static boolean isWord(String name) {
        if (name == null || name.isEmpty() || name.contains("//") || name.indexOf('\uFEFF') >= 0) {
            return false;
        }
        return name.chars().noneMatch(ch -> Character.isWhitespace(ch) || PUNCTUATION.indexOf(ch) >= 0);
    }

    String file() {
        return file;
    }

    Token peek() {
        return tokens.get(next);
    }

    Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    /** Consumes the next token if it has that kind. */
    boolean skip(Kind kind) {
        if (peek().kind() == kind) {
            take();
            return true;
        }
        return false;
    }

    /** Consumes a token of that kind or fails with "Expected WHAT, found ...". */
    Token expect(Kind kind, String what, String path) {
        Token token = peek();
        if (token.kind() != kind) {
            throw error(token, path, "Expected " + what + ", found " + describe(token));
        }
        return take();
    }

    /**
     * Whether the block opened by {@code open} has more items: consumes its closing brace and
     * answers false, answers true before anything else, fails at the end of the file.
     */
    boolean inBlock(Token open, String path) {
        Token token = peek();
        if (token.kind() == Kind.CLOSE) {
            take();
            return false;
        }
        if (token.kind() == Kind.END) {
            throw error(token, path, "Unexpected end of file: the '{' opened at " + position(open) + " is not closed");
        }
        return true;
    }

    /** Reads a key word inside a block, failing with the allowed keys when something else comes. */
    Token key(List<String> allowed, String container, String path) {
        Token token = peek();
        if (token.kind() != Kind.WORD) {
            throw error(token, path, "Expected a key (" + String.join(", ", allowed) + ") or '}', found " + describe(token));
        }
        if (!allowed.contains(token.text())) {
            throw error(token, path + " > " + token.text(), "Unknown key '" + token.text() + "'; allowed keys in "
                    + container + " are " + String.join(", ", allowed));
        }
        return take();
    }

    /** Reads the value word of a {@code key: value} entry. */
    Token value(Token key, String path) {
        expect(Kind.COLON, "':' after " + key.text(), path);
        return expect(Kind.WORD, "a value for " + key.text(), path);
    }

    /** An int of at least {@code min} (0 or 1), written as plain decimal digits. */
    int integer(Token value, String what, int min, String path) {
        return (int) integer(value, what, min, Integer.MAX_VALUE, path);
    }

    /** A long of at least {@code min} (0 or 1), written as plain decimal digits. */
    long integer(Token value, String what, int min, long max, String path) {
        String text = value.text();
        if (!text.matches("[0-9]+") || (min > 0 && text.matches("0+"))) {
            throw error(value, path, what + " must be a " + (min > 0 ? "positive" : "non-negative") + " integer, found '"
                    + text + "'");
        }
        BigInteger number = new BigInteger(text);
        if (number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(value, path, what + " (" + text + ") is too large; at most " + max);
        }
        return number.longValueExact();
    }

    /** A non-negative decimal number such as {@code 60}, {@code 7.5} or {@code .5}, exponent-free as in XRBench. */
    double decimal(Token value, String what, String path) {
        if (!value.text().matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
            throw error(value, path, what + " must be a decimal number, found '" + value.text() + "'");
        }
        return Double.parseDouble(value.text());
    }

    InputException error(Token at, String path, String reason) {
        return new InputException(file, at.line(), at.column(), path, reason);
    }

    static String position(Token token) {
        return token.line() + ":" + token.column();
    }

    static String describe(Token token) {
        return token.kind() == Kind.END ? "end of file" : "'" + token.text() + "'";
    }
}
