package org.lifeboat.virtualphone.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One shell process's mutable state: directory, variables, positional parameters and the last exit status. */
final class Session {
    private final Map<String, String> variables = new HashMap<>();
    private final Set<String> exported = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private String workingDirectory;
    private int lastStatus;
    private boolean exited;

    Session(String workingDirectory, Map<String, String> environment, List<String> positional) {
        this.workingDirectory = workingDirectory;
        this.variables.putAll(environment);
        this.exported.addAll(environment.keySet());
        this.positional.addAll(positional);
    }

    /** A subshell's copy: same state, independent from here on. */
    Session copy() {
        Session copy = new Session(workingDirectory, Map.of(), positional);
        copy.variables.putAll(variables);
        copy.exported.addAll(exported);
        copy.lastStatus = lastStatus;
        return copy;
    }

    String workingDirectory() {
        return workingDirectory;
    }

    void changeDirectory(String directory) {
        this.workingDirectory = directory;
        variables.put("PWD", directory);
    }

    int lastStatus() {
        return lastStatus;
    }

    /** Whether {@code exit} ended this shell. */
    boolean exited() {
        return exited;
    }

    void markExited() {
        this.exited = true;
    }

    void setLastStatus(int status) {
        this.lastStatus = status & 0xff;
    }

    /** The value of a parameter: special ones ($? $# $0..$9 $@ $*) or a variable; empty when unset. */
    String parameter(String name) {
        return switch (name) {
            case "?" -> Integer.toString(lastStatus);
            case "$" -> "1";
            case "!" -> "";
            case "-" -> "";
            case "#" -> Integer.toString(Math.max(0, positional.size() - 1));
            case "@", "*" -> String.join(" ", positional.subList(Math.min(1, positional.size()), positional.size()));
            default -> {
                if (Character.isDigit(name.charAt(0))) {
                    int index = Integer.parseInt(name);
                    yield index < positional.size() ? positional.get(index) : "";
                }
                yield variables.getOrDefault(name, "");
            }
        };
    }

    void set(String name, String value) {
        variables.put(name, value);
    }

    void export(String name) {
        exported.add(name);
        variables.putIfAbsent(name, "");
    }

    void unset(String name) {
        variables.remove(name);
        exported.remove(name);
    }

    /** The environment a child command gets: exported variables plus one-shot assignments. */
    Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        for (String name : exported) {
            String value = variables.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.putAll(extra);
        return env;
    }
}
