package org.lifeboat.virtualphone.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Per-package app-op modes, persisted in the phone's state folder. Only ops that were explicitly set are stored;
 * everything else has AppOpsManager's default mode, e.g. WRITE_SMS defaults to {@code ignore}
 * (AppOpsManager.sOpDefaultMode), which is why shell SMS inserts silently do nothing on a real phone.
 */
public final class AppOps {
    /** Ops the virtual phone knows, with their AppOpsManager default modes. */
    private static final Map<String, Mode> DEFAULTS = Map.of(
            "READ_SMS", Mode.ALLOW,
            "WRITE_SMS", Mode.IGNORE,
            "RECEIVE_SMS", Mode.ALLOW,
            "SEND_SMS", Mode.ALLOW,
            "READ_CONTACTS", Mode.ALLOW,
            "WRITE_CONTACTS", Mode.ALLOW,
            "READ_CALL_LOG", Mode.ALLOW,
            "WRITE_CALL_LOG", Mode.ALLOW,
            "READ_CALENDAR", Mode.ALLOW,
            "WRITE_CALENDAR", Mode.ALLOW);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Map<String, Mode>> modes = new LinkedHashMap<>();

    private AppOps(Path file) {
        this.file = file;
    }

    public enum Mode {
        ALLOW,
        IGNORE,
        DENY,
        DEFAULT,
        FOREGROUND;

        /** AppOpsManager.modeToName. */
        public String shellName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Mode> ofShellName(String name) {
            for (Mode mode : values()) {
                if (mode.shellName().equals(name)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /** Loads the modes saved in {@code file}, or starts with none when it does not exist yet. */
    public static AppOps load(Path file) {
        AppOps appOps = new AppOps(file);
        if (Files.exists(file)) {
            try {
                JsonNode root = JSON.readTree(file.toFile());
                for (Iterator<Map.Entry<String, JsonNode>> packages = root.fields(); packages.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = packages.next();
                    Map<String, Mode> ops = appOps.modes.computeIfAbsent(entry.getKey(), k -> new LinkedHashMap<>());
                    entry.getValue()
                            .fields()
                            .forEachRemaining(op -> ops.put(
                                    op.getKey(),
                                    Mode.ofShellName(op.getValue().asText()).orElse(Mode.DEFAULT)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read app-op modes from " + file, e);
            }
        }
        return appOps;
    }

    public static boolean isKnownOp(String op) {
        return DEFAULTS.containsKey(op);
    }

    public static Mode defaultMode(String op) {
        return DEFAULTS.getOrDefault(op, Mode.ALLOW);
    }

    /** The explicitly set mode, if any (what {@code appops get} lists). */
    public synchronized Optional<Mode> explicitMode(String packageName, String op) {
        return Optional.ofNullable(modes.getOrDefault(packageName, Map.of()).get(op));
    }

    /** The mode a check sees: the explicit one unless it is {@code default}, else the op's default. */
    public synchronized Mode effectiveMode(String packageName, String op) {
        Mode mode = explicitMode(packageName, op).orElse(Mode.DEFAULT);
        return mode == Mode.DEFAULT ? defaultMode(op) : mode;
    }

    public synchronized void set(String packageName, String op, Mode mode) {
        modes.computeIfAbsent(packageName, k -> new LinkedHashMap<>()).put(op, mode);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        modes.forEach((pkg, ops) -> {
            Map<String, String> names = new LinkedHashMap<>();
            ops.forEach((name, m) -> names.put(name, m.shellName()));
            out.put(pkg, names);
        });
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "appops", ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), out);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save app-op modes to " + file, e);
        }
    }
}
