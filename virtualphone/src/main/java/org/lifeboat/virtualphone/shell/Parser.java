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

    private final Lexer in;

    private Parser(String source) {
        this.in = new Lexer(source);
    }

    static Script parse(String source) throws ShellSyntaxException {
        return new Parser(source).script();
    }

    private Script script() throws ShellSyntaxException {
        Script script = list(Closer.END);
        if (!in.atEnd()) {
            throw in.unexpected();
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
        in.skipBlanksAndNewlines();
        while (!in.atEnd() && !closesHere(closer)) {
            items.add(andOr());
            in.skipBlanks();
            if (in.atEnd() || closesHere(closer)) {
                break;
            }
            char c = in.peek();
            if (c != ';' && c != '\n') {
                throw in.unexpected();
            }
            in.skip(1);
            in.skipBlanksAndNewlines();
        }
        return new Script(items);
    }

    private boolean closesHere(Closer closer) {
        return switch (closer) {
            case END -> false;
            case PARENTHESIS -> in.peek() == ')';
            case BRACE -> in.atReservedWord("}");
        };
    }

    private AndOr andOr() throws ShellSyntaxException {
        Pipeline first = pipeline();
        List<Link> rest = new ArrayList<>();
        while (true) {
            in.skipBlanks();
            boolean and = in.lookingAt("&&");
            if (!and && !in.lookingAt("||")) {
                return new AndOr(first, rest);
            }
            in.skip(2);
            in.skipBlanksAndNewlines();
            rest.add(new Link(and, pipeline()));
        }
    }

    private Pipeline pipeline() throws ShellSyntaxException {
        List<Command> commands = new ArrayList<>();
        commands.add(command());
        while (true) {
            in.skipBlanks();
            if (in.peek() != '|' || in.lookingAt("||")) {
                return new Pipeline(commands);
            }
            in.skip(1);
            in.skipBlanksAndNewlines();
            commands.add(command());
        }
    }

    private Command command() throws ShellSyntaxException {
        in.skipBlanks();
        if (in.peek() == '(') {
            if (in.lookingAt("((")) {
                throw Lexer.unsupported("arithmetic commands ('((')");
            }
            in.skip(1);
            Script body = groupBody(Closer.PARENTHESIS);
            return new Subshell(body, groupRedirections());
        }
        if (in.atReservedWord("{")) {
            in.skip(1);
            Script body = groupBody(Closer.BRACE);
            return new BraceGroup(body, groupRedirections());
        }
        return simpleCommand();
    }

    /** The list inside a group and its closing token; an empty group is a syntax error in mksh. */
    private Script groupBody(Closer closer) throws ShellSyntaxException {
        Script body = list(closer);
        if (body.items().isEmpty() || !closesHere(closer)) {
            throw in.unexpected();
        }
        in.skip(1);
        return body;
    }

    /** After {@code )} or {@code &#125;} only redirections may follow before the next operator. */
    private List<Redirection> groupRedirections() throws ShellSyntaxException {
        List<Redirection> redirections = new ArrayList<>();
        while (true) {
            in.skipBlanks();
            if (in.atEnd() || ";\n|&)".indexOf(in.peek()) >= 0 || in.atReservedWord("}")) {
                return redirections;
            }
            Redirection redirection = in.redirection();
            if (redirection == null) {
                throw in.unexpected();
            }
            redirections.add(redirection);
        }
    }

    private SimpleCommand simpleCommand() throws ShellSyntaxException {
        List<Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirection> redirections = new ArrayList<>();
        while (true) {
            in.skipBlanks();
            if (in.atEnd()) {
                break;
            }
            char c = in.peek();
            if (c == '&' && !in.lookingAt("&&")) {
                throw Lexer.unsupported("background jobs ('&')");
            }
            if (c == '(') {
                throw words.isEmpty() ? in.unexpected() : Lexer.unsupported("function definitions ('NAME()')");
            }
            if (c == ';' || c == '\n' || c == '|' || c == '&' || c == ')') {
                break;
            }
            if (words.isEmpty() && in.atReservedWord("}")) {
                break;
            }
            Redirection redirection = in.redirection();
            if (redirection != null) {
                redirections.add(redirection);
                continue;
            }
            Word word = in.word();
            String plain = word.plainText();
            if (words.isEmpty() && plain != null && UNSUPPORTED_KEYWORDS.contains(plain)) {
                throw Lexer.unsupported("'" + plain + "'");
            }
            Assignment assignment = words.isEmpty() ? assignment(word) : null;
            if (assignment != null) {
                assignments.add(assignment);
            } else {
                words.add(word);
            }
        }
        if (assignments.isEmpty() && words.isEmpty() && redirections.isEmpty()) {
            throw in.unexpected();
        }
        return new SimpleCommand(assignments, words, redirections);
    }

    /** NAME=value at the start of a command, where NAME is unquoted. */
    private static Assignment assignment(Word word) {
        if (word.parts().isEmpty() || !(word.parts().get(0) instanceof Text first) || first.quoted()) {
            return null;
        }
        int equals = first.text().indexOf('=');
        if (equals <= 0 || !Lexer.isName(first.text().substring(0, equals))) {
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
}
