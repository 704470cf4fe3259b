package org.lifeboat.android.content;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.lifeboat.adb.client.ShellQuoting;

/**
 * A {@code content insert} invocation. It prints nothing on success, not even the new row's URI, so callers find the
 * inserted row by querying for a marker value, and check the output with {@link ContentOutput#checkForErrors}.
 */
public final class ContentInsert {

    private final List<String> arguments;

    private ContentInsert(List<String> arguments) {
        this.arguments = List.copyOf(arguments);
    }

    /**
     * @param uri the table URI, e.g. {@code content://sms}
     * @param row the cells to bind; NULL cells are dropped when {@code syntax} cannot bind NULL
     * @param user the Android user, or empty for the default (user 0)
     */
    public static ContentInsert of(String uri, ProviderRow row, BindSyntax syntax, OptionalInt user) {
        ContentArguments.requireValue("--uri", uri);
        List<String> args = new ArrayList<>(List.of("content", "insert", "--uri", uri));
        user.ifPresent(u -> args.addAll(List.of("--user", Integer.toString(u))));
        int bindings = 0;
        for (var cell : row.values().entrySet()) {
            var binding = syntax.binding(cell.getKey(), cell.getValue());
            if (binding.isPresent()) {
                args.add("--bind");
                args.add(binding.get());
                bindings++;
            }
        }
        if (bindings == 0) {
            throw new IllegalArgumentException("content insert needs at least one non-NULL value, row was " + row);
        }
        return new ContentInsert(args);
    }

    public List<String> arguments() {
        return arguments;
    }

    public String shellCommand() {
        return ShellQuoting.join(arguments);
    }

    @Override
    public String toString() {
        return shellCommand();
    }
}
