package org.lifeboat.virtualphone.device;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** packages.json: the installed packages, written atomically after every change. */
final class PackageDatabase {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PackageDatabase() {}

    static List<InstalledPackage> load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Stored stored = JSON.readValue(file.toFile(), Stored.class);
        List<InstalledPackage> packages = new ArrayList<>();
        for (Entry e : stored.packages()) {
            packages.add(new InstalledPackage(
                    e.packageName(),
                    e.versionCode(),
                    Optional.ofNullable(e.versionName()),
                    Optional.ofNullable(e.installer()),
                    e.targetSdk(),
                    e.uid(),
                    e.system(),
                    e.codePath(),
                    e.apkPaths(),
                    Instant.ofEpochMilli(e.firstInstallTime()),
                    Instant.ofEpochMilli(e.lastUpdateTime())));
        }
        return packages;
    }

    static void save(Path file, List<InstalledPackage> packages) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (InstalledPackage p : packages) {
            entries.add(new Entry(
                    p.packageName(),
                    p.versionCode(),
                    p.versionName().orElse(null),
                    p.installer().orElse(null),
                    p.targetSdk(),
                    p.uid(),
                    p.system(),
                    p.codePath(),
                    p.apkPaths(),
                    p.firstInstallTime().toEpochMilli(),
                    p.lastUpdateTime().toEpochMilli()));
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(temp.toFile(), new Stored(1, entries));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    record Stored(int version, List<Entry> packages) {}

    /** Times are epoch milliseconds, as PackageManager keeps them. */
    record Entry(
            String packageName,
            long versionCode,
            String versionName,
            String installer,
            int targetSdk,
            int uid,
            boolean system,
            String codePath,
            List<String> apkPaths,
            long firstInstallTime,
            long lastUpdateTime) {}
}
