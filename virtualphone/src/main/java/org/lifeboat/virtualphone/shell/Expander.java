package org.lifeboat.virtualphone.shell;

import java.util.ArrayList;
import java.util.List;
import org.lifeboat.virtualphone.fs.DirEntry;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;
import org.lifeboat.virtualphone.fs.PhonePaths;
import org.lifeboat.virtualphone.shell.Syntax.Param;
import org.lifeboat.virtualphone.shell.Syntax.Text;
import org.lifeboat.virtualphone.shell.Syntax.Word;
import org.lifeboat.virtualphone.shell.Syntax.WordPart;

/**
 * Turns words into argument lists the POSIX way: parameters are substituted, unquoted substitutions are split on
 * blanks, and unquoted wildcards are matched against the phone's files (left as they are when nothing matches,
 * as mksh does).
 */
final class Expander {
    private final Session session;
    private final PhoneFileSystem fileSystem;

    Expander(Session session, PhoneFileSystem fileSystem) {
        this.session = session;
        this.fileSystem = fileSystem;
    }

    List<String> expand(List<Word> words) {
        List<String> fields = new ArrayList<>();
        for (Word word : words) {
            fields.addAll(expand(word));
        }
        return fields;
    }

    /** The word as one string, never split or globbed (assignments, redirection targets). */
    String expandToString(Word word) {
        StringBuilder text = new StringBuilder();
        for (WordPart part : word.parts()) {
            switch (part) {
                case Text t -> text.append(t.text());
                case Param p -> text.append(session.parameter(p.name()));
            }
        }
        return text.toString();
    }

    List<String> expand(Word word) {
        List<Field> fields = new ArrayList<>();
        Field current = null;
        for (WordPart part : word.parts()) {
            switch (part) {
                case Text t -> {
                    current = current == null ? new Field() : current;
                    current.append(t.text(), t.quoted());
                }
                case Param p
                when p.quoted() -> {
                    current = current == null ? new Field() : current;
                    current.append(session.parameter(p.name()), true);
                }
                case Param p -> {
                    String value = session.parameter(p.name());
                    String[] pieces = value.trim().split("[ \t\n]+");
                    if (value.isBlank()) {
                        continue;
                    }
                    if (Character.isWhitespace(value.charAt(0)) && current != null) {
                        fields.add(current);
                        current = null;
                    }
                    for (int i = 0; i < pieces.length; i++) {
                        if (i > 0) {
                            fields.add(current);
                            current = null;
                        }
                        current = current == null ? new Field() : current;
                        current.append(pieces[i], false);
                    }
                    if (Character.isWhitespace(value.charAt(value.length() - 1))) {
                        fields.add(current);
                        current = null;
                    }
                }
            }
        }
        if (current != null) {
            fields.add(current);
        }
        List<String> result = new ArrayList<>();
        for (Field field : fields) {
            List<String> matches = field.glob ? glob(field.pattern.toString()) : List.of();
            if (matches.isEmpty()) {
                result.add(field.text.toString());
            } else {
                result.addAll(matches);
            }
        }
        return result;
    }

    private List<String> glob(String pattern) {
        boolean absolute = pattern.startsWith("/");
        List<String> prefixes = List.of(absolute ? "/" : "");
        for (String component : PhonePaths.components(pattern)) {
            List<String> next = new ArrayList<>();
            for (String prefix : prefixes) {
                if (!Fnmatch.hasWildcards(component)) {
                    next.add(prefix + unescape(component) + "/");
                    continue;
                }
                String dir = prefix.isEmpty() ? session.workingDirectory() : prefix;
                try {
                    for (DirEntry entry : fileSystem.list(PhonePaths.absolute(session.workingDirectory(), dir))) {
                        boolean hidden = entry.name().startsWith(".") && !component.startsWith(".");
                        if (!hidden && Fnmatch.matches(component, entry.name())) {
                            next.add(prefix + entry.name() + "/");
                        }
                    }
                } catch (PhoneFileException e) {
                    // An unreadable directory simply contributes no matches, as with glob(3).
                }
            }
            prefixes = next;
        }
        List<String> matches = new ArrayList<>();
        for (String match : prefixes) {
            String path = match.substring(0, match.length() - 1);
            if (fileSystem.exists(PhonePaths.absolute(session.workingDirectory(), path.isEmpty() ? "/" : path))) {
                matches.add(pattern.endsWith("/") ? path + "/" : path);
            }
        }
        return matches;
    }

    private static String unescape(String component) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '\\' && i + 1 < component.length()) {
                c = component.charAt(++i);
            }
            text.append(c);
        }
        return text.toString();
    }

    /** A field being built: its literal text and the same text as a pattern where quoted characters are escaped. */
    private static final class Field {
        final StringBuilder text = new StringBuilder();
        final StringBuilder pattern = new StringBuilder();
        boolean glob;

        void append(String value, boolean quoted) {
            text.append(value);
            if (quoted) {
                pattern.append(Fnmatch.quote(value));
            } else {
                pattern.append(value);
                glob |= Fnmatch.hasWildcards(value);
            }
        }
    }
}
