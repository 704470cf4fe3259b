package org.lifeboat.virtualphone.pm;

import java.util.ArrayList;
import java.util.List;

/** ShellCommand's getNextOption / getNextArg: options until the first non-option or "--". */
final class Arguments {
    private final List<String> args;
    private int pos;

    Arguments(List<String> args) {
        this.args = new ArrayList<>(args);
    }

    String nextOption() {
        if (pos >= args.size()
                || !args.get(pos).startsWith("-")
                || args.get(pos).equals("-")) {
            return null;
        }
        String option = args.get(pos++);
        return option.equals("--") ? null : option;
    }

    String next() {
        return pos < args.size() ? args.get(pos++) : null;
    }

    String required(String option) {
        String value = next();
        if (value == null) {
            throw new IllegalArgumentException("Argument expected after \"" + option + "\"");
        }
        return value;
    }
}
