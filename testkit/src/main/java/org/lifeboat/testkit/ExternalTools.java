package org.lifeboat.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds external programs on {@code PATH} and says which Debian package provides each one. */
public final class ExternalTools {
    /** The environment variable that turns a missing tool from a skip into a failure. */
    public static final String REQUIRE_TOOLS_VARIABLE = "LIFEBOAT_REQUIRE_TOOLS";

    private static final Map<String, String> DEBIAN_PACKAGES = Map.of(
            "adb", "adb",
            "restic", "restic",
            "zstd", "zstd");

    private ExternalTools() {}

    /** The executable called {@code name} on {@code PATH}, if there is one. */
    public static Optional<Path> find(String name) {
        // The system property lets the testkit's own tests simulate a machine without the tool.
        String path = System.getProperty("lifeboat.testkit.path", System.getenv("PATH"));
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The executable called {@code name} on {@code PATH}.
     *
     * @throws IllegalStateException if it is not there; tests should declare {@link RequiresTool} so that this
     *     never happens
     */
    public static Path path(String name) {
        return find(name)
                .orElseThrow(() -> new IllegalStateException(
                        name + " is not on PATH; annotate the test with @RequiresTool(\"" + name + "\")"));
    }

    /** Whether missing tools must fail tests ({@code LIFEBOAT_REQUIRE_TOOLS=1}) rather than skip them. */
    public static boolean toolsRequired() {
        String value = System.getProperty("lifeboat.testkit.requireTools", System.getenv(REQUIRE_TOOLS_VARIABLE));
        return value != null && !value.isBlank() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    static String installHint(String name) {
        String pkg = DEBIAN_PACKAGES.getOrDefault(name, name);
        return "install it with 'apt-get install " + pkg + "'";
    }
}
