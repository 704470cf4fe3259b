package org.lifeboat.virtualphone.shell;

import java.util.ArrayList;
import java.util.List;
import org.lifeboat.virtualphone.shell.Syntax.Param;
import org.lifeboat.virtualphone.shell.Syntax.RedirectKind;
import org.lifeboat.virtualphone.shell.Syntax.Redirection;
import org.lifeboat.virtualphone.shell.Syntax.Text;
import org.lifeboat.virtualphone.shell.Syntax.Word;
import org.lifeboat.virtualphone.shell.Syntax.WordPart;

/**
 * The token level of {@link Parser}: a position in the script, blanks, comments and line continuations, words with
 * their quoting and parameters, and redirection operators. The grammar above it only looks at single characters
 * and operators here.
 */
final class Lexer {
    private static final String METACHARACTERS = " \t\n;&|<>()";

    private final String source;
    private int pos;

    Lexer(String source) {
        this.source = source;
    }

    /** Whether the unread input starts with {@code text}. */
    boolean lookingAt(String text) {
        return source.startsWith(text, pos);
    }

    /** Moves past {@code count} characters the caller has looked at. */
    void skip(int count) {
        pos += count;
    }

    /**
     * Whether {@code word} stands here as a whole word; mksh knows {@code &#123;} and {@code &#125;} as reserved words
     * only then, so {@code &#123;x} or {@code echo &#125;} stay ordinary words.
     */
    boolean atReservedWord(String word) {
        if (!source.startsWith(word, pos)) {
            return false;
        }
        int end = pos + word.length();
        return end == source.length() || METACHARACTERS.indexOf(source.charAt(end)) >= 0;
    }

    /** A redirection such as {@code 2>&1} or {@code >>file}, or null when no redirection operator starts here. */
    Redirection redirection() throws ShellSyntaxException {
        int start = pos;
        int digitsEnd = pos;
        while (digitsEnd < source.length() && Character.isDigit(source.charAt(digitsEnd))) {
            digitsEnd++;
        }
        if (digitsEnd >= source.length() || "<>".indexOf(source.charAt(digitsEnd)) < 0) {
            return null;
        }
        char op = source.charAt(digitsEnd);
        int fd = digitsEnd > start ? Integer.parseInt(source.substring(start, digitsEnd)) : (op == '<' ? 0 : 1);
        pos = digitsEnd + 1;
        RedirectKind kind;
        if (op == '>' && peek() == '>') {
            pos++;
            kind = RedirectKind.APPEND;
        } else if (peek() == '&') {
            pos++;
            kind = RedirectKind.DUPLICATE;
        } else if (op == '<' && (peek() == '<' || peek() == '>')) {
            throw unsupported("here-documents and '<>'");
        } else {
            if (op == '>' && peek() == '|') {
                pos++;
            }
            kind = op == '<' ? RedirectKind.READ : RedirectKind.WRITE;
        }
        skipBlanks();
        if (atEnd() || METACHARACTERS.indexOf(peek()) >= 0) {
            throw unexpected();
        }
        return new Redirection(fd, kind, word());
    }

    /** The word up to the next unquoted metacharacter, its quoting and parameters kept apart. */
    Word word() throws ShellSyntaxException {
        List<WordPart> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (!atEnd() && METACHARACTERS.indexOf(peek()) < 0) {
            char c = source.charAt(pos);
            if (c == '\'' || c == '"' || c == '\\' || c == '$' || c == '`') {
                flush(literal, parts, false);
            }
            switch (c) {
                case '\'' -> parts.add(new Text(singleQuoted(), true));
                case '"' -> doubleQuoted(parts);
                case '\\' -> {
                    pos++;
                    if (atEnd()) {
                        literal.append('\\');
                    } else if (peek() == '\n') {
                        pos++;
                    } else {
                        parts.add(new Text(String.valueOf(source.charAt(pos++)), true));
                    }
                }
                case '$' -> parts.add(parameter(false));
                case '`' -> throw unsupported("command substitution ('`')");
                default -> {
                    literal.append(c);
                    pos++;
                }
            }
        }
        flush(literal, parts, false);
        return new Word(parts);
    }

    private String singleQuoted() throws ShellSyntaxException {
        int close = source.indexOf('\'', pos + 1);
        if (close < 0) {
            throw new ShellSyntaxException("no closing quote", true);
        }
        String text = source.substring(pos + 1, close);
        pos = close + 1;
        return text;
    }

    private void doubleQuoted(List<WordPart> parts) throws ShellSyntaxException {
        pos++;
        StringBuilder literal = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new ShellSyntaxException("no closing quote", true);
            }
            char c = source.charAt(pos);
            if (c == '"') {
                pos++;
                flush(literal, parts, true);
                // An empty quoted text keeps "" and "$EMPTY" as one empty argument instead of none.
                parts.add(new Text("", true));
                return;
            }
            if (c == '\\' && pos + 1 < source.length() && "$`\"\\\n".indexOf(source.charAt(pos + 1)) >= 0) {
                if (source.charAt(pos + 1) != '\n') {
                    literal.append(source.charAt(pos + 1));
                }
                pos += 2;
            } else if (c == '$') {
                flush(literal, parts, true);
                parts.add(parameter(true));
            } else if (c == '`') {
                throw unsupported("command substitution ('`')");
            } else {
                literal.append(c);
                pos++;
            }
        }
    }

    private WordPart parameter(boolean quoted) throws ShellSyntaxException {
        pos++;
        if (atEnd()) {
            return new Text("$", quoted);
        }
        char c = peek();
        if (c == '(') {
            throw unsupported("command substitution ('$(')");
        }
        if (c == '{') {
            int close = source.indexOf('}', pos);
            if (close < 0) {
                throw new ShellSyntaxException("${: missing }", false);
            }
            String name = source.substring(pos + 1, close);
            if (!isName(name) && !isSpecial(name)) {
                throw unsupported("the expansion '${" + name + "}'");
            }
            pos = close + 1;
            return new Param(name, quoted);
        }
        if ("?$#@*!-".indexOf(c) >= 0 || Character.isDigit(c)) {
            pos++;
            return new Param(String.valueOf(c), quoted);
        }
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_') && peek() < 128) {
            pos++;
        }
        if (start == pos) {
            return new Text("$", quoted);
        }
        return new Param(source.substring(start, pos), quoted);
    }

    private static boolean isSpecial(String name) {
        return name.length() == 1 && ("?$#@*!-".contains(name) || Character.isDigit(name.charAt(0)));
    }

    static boolean isName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return false;
            }
        }
        return true;
    }

    private static void flush(StringBuilder literal, List<WordPart> parts, boolean quoted) {
        if (!literal.isEmpty()) {
            parts.add(new Text(literal.toString(), quoted));
            literal.setLength(0);
        }
    }

    void skipBlanks() {
        while (!atEnd()) {
            char c = peek();
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\\' && pos + 1 < source.length() && source.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                while (!atEnd() && peek() != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    void skipBlanksAndNewlines() {
        skipBlanks();
        while (peek() == '\n') {
            pos++;
            skipBlanks();
        }
    }

    ShellSyntaxException unexpected() {
        if (atEnd()) {
            return new ShellSyntaxException("syntax error: unexpected end of input", true);
        }
        String token = source.startsWith("&&", pos) || source.startsWith("||", pos)
                ? source.substring(pos, pos + 2)
                : String.valueOf(peek());
        return new ShellSyntaxException(
                "syntax error: '" + (token.equals("\n") ? "newline" : token) + "' unexpected", false);
    }

    static ShellSyntaxException unsupported(String what) {
        return new ShellSyntaxException(what + " not supported by the virtual phone's shell", false);
    }

    boolean atEnd() {
        return pos >= source.length();
    }

    char peek() {
        return atEnd() ? '\0' : source.charAt(pos);
    }
}
