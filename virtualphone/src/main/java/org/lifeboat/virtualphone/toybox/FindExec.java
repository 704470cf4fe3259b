package org.lifeboat.virtualphone.toybox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.virtualphone.shell.CommandContext;

/**
 * find's {@code -exec CMD ... ;} (one run per entry; true when it exits 0) and {@code -exec CMD ... {} +} (entries
 * collected and run together at the end; always true, its status goes to find's exit status).
 */
final class FindExec {
    private final CommandContext context;
    private final List<String> template;
    private final boolean batch;
    private final boolean inDirectory;
    private final List<String> pending = new ArrayList<>();

    FindExec(CommandContext context, List<String> template, boolean batch, boolean inDirectory) {
        this.context = context;
        this.template = List.copyOf(template);
        this.batch = batch;
        this.inDirectory = inDirectory;
    }

    boolean accept(FindExpression.Candidate candidate) throws IOException {
        String name = inDirectory ? "./" + lastComponent(candidate.shown()) : candidate.shown();
        if (batch) {
            pending.add(name);
            return true;
        }
        return run(List.of(name)) == 0;
    }

    int flush() throws IOException {
        if (pending.isEmpty()) {
            return 0;
        }
        int status = run(pending);
        pending.clear();
        return status;
    }

    private int run(List<String> names) throws IOException {
        List<String> argv = new ArrayList<>();
        for (String arg : template) {
            if (batch && arg.equals("{}")) {
                argv.addAll(names);
            } else if (!(batch && arg.equals("+"))) {
                argv.add(arg.equals("{}") ? names.get(0) : arg);
            }
        }
        return context.runCommand(argv, context.stdin(), context.stdout(), context.stderr());
    }

    private static String lastComponent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
