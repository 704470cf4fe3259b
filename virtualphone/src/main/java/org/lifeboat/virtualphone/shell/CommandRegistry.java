package org.lifeboat.virtualphone.shell;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The programs a phone has, by name, and the binder services {@code cmd SERVICE} and {@code abb_exec} reach.
 * Components register their commands here as the device is set up; later registrations replace earlier ones.
 */
public final class CommandRegistry {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+-]+");

    private final Map<String, ShellCommand> commands = new ConcurrentHashMap<>();
    private final Map<String, ShellCommand> services = new ConcurrentHashMap<>();

    /** Makes {@code name} (as in {@code /system/bin/NAME}) run {@code command}. */
    public void registerCommand(String name, ShellCommand command) {
        commands.put(checkName(name), Objects.requireNonNull(command, "command"));
    }

    /**
     * Makes {@code cmd NAME ARGS...} (and {@code abb_exec:NAME\0ARGS...}) run {@code command} with ARGS; the
     * command's {@link CommandContext#name()} is the service name.
     */
    public void registerService(String name, ShellCommand command) {
        services.put(checkName(name), Objects.requireNonNull(command, "command"));
    }

    public Optional<ShellCommand> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    public Optional<ShellCommand> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a command name is letters, digits and _.+- only, got '" + name + "'");
        }
        return name;
    }
}
