package org.lifeboat.virtualphone.shell;

/** The command line could not be parsed; the message is what mksh prints after "/system/bin/sh: ". */
final class ShellSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    /** True when more input could complete the line (an open quote), as an interactive shell must know. */
    private final boolean incomplete;

    ShellSyntaxException(String message, boolean incomplete) {
        super(message);
        this.incomplete = incomplete;
    }

    boolean incomplete() {
        return incomplete;
    }
}
