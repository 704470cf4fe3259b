package org.lifeboat.virtualphone.shell;

import java.util.List;

/** The parsed form of a command line: only what mksh scripts sent by adb tools need. */
final class Syntax {
    private Syntax() {}

    /** A piece of a word; quoted pieces are neither split into fields nor glob-expanded. */
    sealed interface WordPart permits Text, Param {}

    record Text(String text, boolean quoted) implements WordPart {}

    /** A parameter expansion such as {@code $?} or {@code ${NAME}}. */
    record Param(String name, boolean quoted) implements WordPart {}

    record Word(List<WordPart> parts) {
        /** The word's text when it holds no expansions and no quotes, for keyword and assignment checks. */
        String plainText() {
            StringBuilder text = new StringBuilder();
            for (WordPart part : parts) {
                if (!(part instanceof Text t) || t.quoted()) {
                    return null;
                }
                text.append(t.text());
            }
            return text.toString();
        }
    }

    record Assignment(String name, Word value) {}

    enum RedirectKind {
        /** {@code <file} */
        READ,
        /** {@code >file} */
        WRITE,
        /** {@code >>file} */
        APPEND,
        /** {@code N>&M} or {@code N<&M}: fd N becomes a copy of fd M. */
        DUPLICATE
    }

    /** One redirection; {@code target} is the file, or the source fd's digits for {@link RedirectKind#DUPLICATE}. */
    record Redirection(int fd, RedirectKind kind, Word target) {}

    /** One stage of a pipeline. */
    sealed interface Command permits SimpleCommand, Subshell, BraceGroup {}

    record SimpleCommand(List<Assignment> assignments, List<Word> words, List<Redirection> redirections)
            implements Command {}

    /** {@code ( list ) redirections}: runs in a copy of the shell, so its cd, variables and exit stay inside. */
    record Subshell(Script body, List<Redirection> redirections) implements Command {}

    /** {@code { list; } redirections}: grouping only, in the current shell. */
    record BraceGroup(Script body, List<Redirection> redirections) implements Command {}

    record Pipeline(List<Command> commands) {}

    /** {@code &&} when {@code and}, {@code ||} otherwise. */
    record Link(boolean and, Pipeline pipeline) {}

    record AndOr(Pipeline first, List<Link> rest) {}

    record Script(List<AndOr> items) {}
}
