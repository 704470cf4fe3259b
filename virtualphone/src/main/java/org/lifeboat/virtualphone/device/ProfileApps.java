package org.lifeboat.virtualphone.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Reads the {@code apps/<package>/} folders a profile put into the state folder (base.apk, split_*.apk,
 * package.json as docs/virtual-phone.md describes them), for the package manager's first start.
 */
final class ProfileApps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileApps() {}

    record App(PackageMetadata metadata, List<Path> apks) {}

    static List<App> read(Path appsDir) throws IOException {
        List<App> apps = new ArrayList<>();
        if (!Files.isDirectory(appsDir, LinkOption.NOFOLLOW_LINKS)) {
            return apps;
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(appsDir)) {
            folders = list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
        for (Path folder : folders) {
            apps.add(readApp(folder));
        }
        return apps;
    }

    private static App readApp(Path folder) throws IOException {
        Path json = folder.resolve("package.json");
        JsonNode info = JSON.readTree(json.toFile());
        String name = folder.getFileName().toString();
        for (String field : List.of("versionCode", "targetSdk")) {
            if (!info.path(field).canConvertToLong()) {
                throw new IOException(json + ": '" + field + "' must be an integer");
            }
        }
        PackageMetadata metadata = new PackageMetadata(
                info.path("packageName").asText(name),
                info.get("versionCode").asLong(),
                text(info, "versionName"),
                text(info, "installer"),
                info.get("targetSdk").asInt(),
                info.path("system").asBoolean(false),
                info.path("uid").canConvertToInt()
                        ? OptionalInt.of(info.get("uid").asInt())
                        : OptionalInt.empty(),
                millis(info, "firstInstallTime"),
                millis(info, "lastUpdateTime"));
        List<Path> apks = new ArrayList<>();
        Path base = folder.resolve("base.apk");
        if (!Files.isRegularFile(base, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(folder + " has no base.apk");
        }
        apks.add(base);
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(p -> p.getFileName().toString().matches("split_.+\\.apk"))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .forEach(apks::add);
        }
        return new App(metadata, apks);
    }

    private static Optional<String> text(JsonNode info, String field) {
        JsonNode node = info.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    private static Optional<Instant> millis(JsonNode info, String field) {
        JsonNode node = info.get(field);
        return node != null && node.canConvertToLong()
                ? Optional.of(Instant.ofEpochMilli(node.asLong()))
                : Optional.empty();
    }
}
