package org.lifeboat.virtualphone.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lifeboat.virtualphone.shell.Syntax.AndOr;
import org.lifeboat.virtualphone.shell.Syntax.Assignment;
import org.lifeboat.virtualphone.shell.Syntax.BraceGroup;
import org.lifeboat.virtualphone.shell.Syntax.Command;
import org.lifeboat.virtualphone.shell.Syntax.Link;
import org.lifeboat.virtualphone.shell.Syntax.Param;
import org.lifeboat.virtualphone.shell.Syntax.Pipeline;
import org.lifeboat.virtualphone.shell.Syntax.RedirectKind;
import org.lifeboat.virtualphone.shell.Syntax.Redirection;
import org.lifeboat.virtualphone.shell.Syntax.Script;
import org.lifeboat.virtualphone.shell.Syntax.SimpleCommand;
import org.lifeboat.virtualphone.shell.Syntax.Subshell;
import org.lifeboat.virtualphone.shell.Syntax.Text;
import org.lifeboat.virtualphone.shell.Syntax.Word;
import org.lifeboat.virtualphone.shell.Syntax.WordPart;

/**
 * Parses the subset of mksh (Android's /system/bin/sh) that adb clients send: simple commands with quoting,
 * parameters, redirections, pipes, {@code ;}, {@code &&}, {@code ||}, newlines, and the groupings {@code ( list )}
 * and {@code { list; }} with their own redirections. Other compound commands, functions, command substitution,
 * here-documents and background jobs are refused with a clear message rather than misread.
 */
final class Parser {
    private static final String METACHARACTERS = " \t\n;&|<>()";
    private static final Set<String> UNSUPPORTED_KEYWORDS = Set.of(
            "if",
            "then",
            "else",
            "elif",
            "fi",
            "for",
            "while",
            "until",
            "do",
            "done",
            "case",
            "esac",
            "function",
            "select",
            "[[",
            "!");

    private final String source;
    private int pos;

    private Parser(String source) {
        this.source = source;
    }

    static Script parse(String source) throws ShellSyntaxException {
        return new Parser(source).script();
    }

    private Script script() throws ShellSyntaxException {
        Script script = list(Closer.END);
        if (!atEnd()) {
            throw unexpected();
        }
        return script;
    }

    /** What ends a list: the end of input, or the {@code )} or {@code &#125;} of an enclosing group. */
    private enum Closer {
        END,
        PARENTHESIS,
        BRACE
    }

    /** And-or items separated by {@code ;} or newlines, up to {@code closer} (which is left unread). */
    private Script list(Closer closer) throws ShellSyntaxException {
        List<AndOr> items = new ArrayList<>();
        skipBlanksAndNewlines();
        while (!atEnd() && !closesHere(closer)) {
            items.add(andOr());
            skipBlanks();
            if (atEnd() || closesHere(closer)) {
                break;
            }
            char c = peek();
            if (c != ';' && c != '\n') {
                throw unexpected();
            }
            pos++;
            skipBlanksAndNewlines();
        }
        return new Script(items);
    }

    private boolean closesHere(Closer closer) {
        return switch (closer) {
            case END -> false;
            case PARENTHESIS -> peek() == ')';
            case BRACE -> atReservedWord("}");
        };
    }

    /**
     * Whether {@code word} stands here as a whole word; mksh knows {@code &#123;} and {@code &#125;} as reserved words
     * only then, so {@code &#123;x} or {@code echo &#125;} stay ordinary words.
     */
    private boolean atReservedWord(String word) {
        if (!source.startsWith(word, pos)) {
            return false;
        }
        int end = pos + word.length();
        return end == source.length() || METACHARACTERS.indexOf(source.charAt(end)) >= 0;
    }

    private AndOr andOr() throws ShellSyntaxException {
        Pipeline first = pipeline();
        List<Link> rest = new ArrayList<>();
        while (true) {
            skipBlanks();
            boolean and = source.startsWith("&&", pos);
            if (!and && !source.startsWith("||", pos)) {
                return new AndOr(first, rest);
            }
            pos += 2;
            skipBlanksAndNewlines();
            rest.add(new Link(and, pipeline()));
        }
    }

    private Pipeline pipeline() throws ShellSyntaxException {
        List<Command> commands = new ArrayList<>();
        commands.add(command());
        while (true) {
            skipBlanks();
            if (peek() != '|' || source.startsWith("||", pos)) {
                return new Pipeline(commands);
            }
            pos++;
            skipBlanksAndNewlines();
            commands.add(command());
        }
    }

    private Command command() throws ShellSyntaxException {
        skipBlanks();
        if (peek() == '(') {
            if (source.startsWith("((", pos)) {
                throw unsupported("arithmetic commands ('((')");
            }
            pos++;
            Script body = groupBody(Closer.PARENTHESIS);
            return new Subshell(body, groupRedirections());
        }
        if (atReservedWord("{")) {
            pos++;
            Script body = groupBody(Closer.BRACE);
            return new BraceGroup(body, groupRedirections());
        }
        return simpleCommand();
    }

    /** The list inside a group and its closing token; an empty group is a syntax error in mksh. */
    private Script groupBody(Closer closer) throws ShellSyntaxException {
        Script body = list(closer);
        if (body.items().isEmpty() || !closesHere(closer)) {
            throw unexpected();
        }
        pos++;
        return body;
    }

    /** After {@code )} or {@code &#125;} only redirections may follow before the next operator. */
    private List<Redirection> groupRedirections() throws ShellSyntaxException {
        List<Redirection> redirections = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (atEnd() || ";\n|&)".indexOf(peek()) >= 0 || atReservedWord("}")) {
                return redirections;
            }
            Redirection redirection = redirection();
            if (redirection == null) {
                throw unexpected();
            }
            redirections.add(redirection);
        }
    }

    private SimpleCommand simpleCommand() throws ShellSyntaxException {
        List<Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirection> redirections = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (atEnd()) {
                break;
            }
            char c = peek();
            if (c == '&' && !source.startsWith("&&", pos)) {
                throw unsupported("background jobs ('&')");
            }
            if (c == '(') {
                throw words.isEmpty() ? unexpected() : unsupported("function definitions ('NAME()')");
            }
            if (c == ';' || c == '\n' || c == '|' || c == '&' || c == ')') {
                break;
            }
            if (words.isEmpty() && atReservedWord("}")) {
                break;
            }
            Redirection redirection = redirection();
            if (redirection != null) {
                redirections.add(redirection);
                continue;
            }
            Word word = word();
            String plain = word.plainText();
            if (words.isEmpty() && plain != null && UNSUPPORTED_KEYWORDS.contains(plain)) {
                throw unsupported("'" + plain + "'");
            }
            Assignment assignment = words.isEmpty() ? assignment(word) : null;
            if (assignment != null) {
                assignments.add(assignment);
            } else {
                words.add(word);
            }
        }
        if (assignments.isEmpty() && words.isEmpty() && redirections.isEmpty()) {
            throw unexpected();
        }
        return new SimpleCommand(assignments, words, redirections);
    }

    /** NAME=value at the start of a command, where NAME is unquoted. */
    private static Assignment assignment(Word word) {
        if (word.parts().isEmpty() || !(word.parts().get(0) instanceof Text first) || first.quoted()) {
            return null;
        }
        int equals = first.text().indexOf('=');
        if (equals <= 0 || !isName(first.text().substring(0, equals))) {
            return null;
        }
        List<WordPart> value = new ArrayList<>();
        String rest = first.text().substring(equals + 1);
        if (!rest.isEmpty()) {
            value.add(new Text(rest, false));
        }
        value.addAll(word.parts().subList(1, word.parts().size()));
        // An assignment value is never split into fields; marking it quoted keeps "a b" whole.
        return new Assignment(first.text().substring(0, equals), asQuoted(value));
    }

    private static Word asQuoted(List<WordPart> parts) {
        List<WordPart> quoted = new ArrayList<>();
        for (WordPart part : parts) {
            quoted.add(
                    switch (part) {
                        case Text t -> new Text(t.text(), true);
                        case Param p -> new Param(p.name(), true);
                    });
        }
        return new Word(quoted);
    }

    private Redirection redirection() throws ShellSyntaxException {
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

    private Word word() throws ShellSyntaxException {
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

    private void skipBlanks() {
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

    private void skipBlanksAndNewlines() {
        skipBlanks();
        while (peek() == '\n') {
            pos++;
            skipBlanks();
        }
    }

    private ShellSyntaxException unexpected() {
        if (atEnd()) {
            return new ShellSyntaxException("syntax error: unexpected end of input", true);
        }
        String token = source.startsWith("&&", pos) || source.startsWith("||", pos)
                ? source.substring(pos, pos + 2)
                : String.valueOf(peek());
        return new ShellSyntaxException(
                "syntax error: '" + (token.equals("\n") ? "newline" : token) + "' unexpected", false);
    }

    private static ShellSyntaxException unsupported(String what) {
        return new ShellSyntaxException(what + " not supported by the virtual phone's shell", false);
    }

    private boolean atEnd() {
        return pos >= source.length();
    }

    private char peek() {
        return atEnd() ? '\0' : source.charAt(pos);
    }
}
