package org.lifeboat.backup.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.lifeboat.android.collect.CollectedItem;
import org.lifeboat.android.collect.Collection;
import org.lifeboat.android.collect.Collector;
import org.lifeboat.android.collect.Collectors;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.collect.NotSaved;
import org.lifeboat.android.collect.Phone;
import org.lifeboat.android.format.dump.ProviderDump;
import org.lifeboat.android.format.dump.ProviderDumpJson;
import org.lifeboat.android.restore.AdbTargetPhone;
import org.lifeboat.android.restore.Setting;
import org.lifeboat.android.restore.SettingsRestorer;
import org.lifeboat.backup.PhoneSnapshots;
import org.lifeboat.backup.restore.PhoneSnapshot;
import org.lifeboat.backup.restore.SettingsListing;
import org.lifeboat.backup.restore.UnreadableBackupException;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.snapshot.SavedSnapshot;

/**
 * "Is it safe to reset this phone?": takes a fresh inventory with the backup's own collectors (phone files are only
 * listed, never read), compares it item by item with the latest complete snapshot of the phone, and proves that
 * snapshot reads back. Nothing is written anywhere.
 */
public final class PhoneVerify {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Phone phone;
    private final Repository repository;
    private final Executor workers;

    /** @param workers load blobs in parallel for the read-back proof */
    public PhoneVerify(Phone phone, Repository repository, Executor workers) {
        this.phone = phone;
        this.repository = repository;
        this.workers = workers;
    }

    /** @throws NoBackupException if the repository has no complete snapshot of this phone */
    public VerifyReport run(VerifyOptions options) throws IOException {
        String hostname = PhoneSnapshots.hostname(phone.model(), phone.hardwareSerial());
        SavedSnapshot latest = PhoneSnapshots.of(repository, hostname).stream()
                .filter(s -> !s.snapshot().tags().contains(PhoneSnapshots.INCOMPLETE_TAG))
                .reduce((older, newer) -> newer)
                .orElseThrow(() -> new NoBackupException(hostname));
        PhoneSnapshot snapshot = new PhoneSnapshot(repository, latest);
        Readback readback = new SnapshotReadback(repository, workers)
                .check(latest.snapshot().tree(), options.quick());
        List<TypeCheck> checks = new ArrayList<>();
        for (Collector collector : Collectors.forTypes(EnumSet.allOf(DataType.class))) {
            checks.add(check(collector.collect(phone), snapshot, options.deep()));
        }
        return new VerifyReport(
                hostname,
                phone.model(),
                phone.sdk(),
                latest.id().toString(),
                latest.snapshot().time().toInstant(),
                options.deep(),
                checks,
                readback);
    }

    private TypeCheck check(Collection fresh, PhoneSnapshot snapshot, boolean deep) throws IOException {
        List<String> missing = new ArrayList<>();
        List<NotSaved> unreachable = new ArrayList<>();
        for (NotSaved notSaved : fresh.report().notSaved()) {
            if (notSaved.reachable()) {
                missing.add(notSaved.item() + " (" + notSaved.reason() + ")");
            } else {
                unreachable.add(notSaved);
            }
        }
        try {
            missing.addAll(compare(fresh, snapshot, deep));
        } catch (UnreadableBackupException e) {
            missing.add("all " + fresh.type().folder() + ": " + e.getMessage());
        }
        return new TypeCheck(fresh.type(), fresh.report().found(), missing, unreachable);
    }

    private List<String> compare(Collection fresh, PhoneSnapshot snapshot, boolean deep) throws IOException {
        Map<String, byte[]> exports = new HashMap<>();
        for (CollectedItem item : fresh.items()) {
            if (item instanceof CollectedItem.Generated generated) {
                exports.put("/" + String.join("/", generated.path()), generated.bytes());
            }
        }
        return switch (fresh.type()) {
            case FILES -> new FileCheck(phone, snapshot).notInBackup(fresh.items(), deep);
            case CONTACTS -> dumps(exports, snapshot, "/contacts/contacts.json", ItemKeys::contacts);
            case MESSAGES -> dumps(exports, snapshot, "/messages/messages.json", ItemKeys::messages);
            case CALLS -> dumps(exports, snapshot, "/calls/calls.json", ItemKeys::calls);
            case CALENDAR -> dumps(exports, snapshot, "/calendar/calendar.json", ItemKeys::events);
            case APPS -> apps(exports, snapshot);
            case SETTINGS -> settings(exports, snapshot);
            case WIFI -> wifi(exports, snapshot);
        };
    }

    private static List<String> dumps(
            Map<String, byte[]> exports,
            PhoneSnapshot snapshot,
            String path,
            Function<ProviderDump, List<ItemKeys.Item>> items)
            throws IOException {
        byte[] now = exports.get(path);
        if (now == null) {
            return List.of();
        }
        List<ItemKeys.Item> onPhone = items.apply(ProviderDumpJson.read(new ByteArrayInputStream(now)));
        Optional<byte[]> saved = snapshot.read(path);
        List<ItemKeys.Item> inBackup;
        try {
            inBackup = saved.isEmpty()
                    ? List.of()
                    : items.apply(ProviderDumpJson.read(new ByteArrayInputStream(saved.get())));
        } catch (IOException e) {
            throw new UnreadableBackupException(path, e);
        }
        return ItemKeys.missing(onPhone, inBackup).stream()
                .map(item -> item.label()
                        + (saved.isEmpty()
                                ? " (the backup has no " + path + ")"
                                : " (new or changed since the backup)"))
                .toList();
    }

    /** Apps by package and versionCode: one installed or updated since the backup is not in it. */
    private static List<String> apps(Map<String, byte[]> exports, PhoneSnapshot snapshot) throws IOException {
        byte[] now = exports.get("/apps/apps.json");
        if (now == null) {
            return List.of();
        }
        Map<String, Long> saved = new HashMap<>();
        Optional<byte[]> listing = snapshot.read("/apps/apps.json");
        if (listing.isPresent()) {
            readTree("/apps/apps.json", listing.get())
                    .forEach(app -> saved.put(
                            app.path("packageName").asText(),
                            app.path("versionCode").asLong()));
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode app : JSON.readTree(now)) {
            String name = app.path("packageName").asText();
            long version = app.path("versionCode").asLong();
            Long stored = saved.get(name);
            if (stored == null) {
                missing.add("app " + name + " (versionCode " + version + ", installed since the backup)");
            } else if (stored != version) {
                missing.add("app " + name + " (versionCode " + version + " now, " + stored + " in the backup)");
            }
        }
        return missing;
    }

    /**
     * Only the settings a restore would bring back count, so the settings restorer's own plan decides: planning the
     * phone's values against the backup's lists the allow-listed keys whose value the backup lacks.
     */
    private List<String> settings(Map<String, byte[]> exports, PhoneSnapshot snapshot) throws IOException {
        List<Setting> onPhone = new ArrayList<>();
        Map<String, Map<String, String>> inBackup = new HashMap<>();
        for (String namespace : List.of("system", "secure", "global")) {
            String path = "/settings/" + namespace + ".txt";
            Optional.ofNullable(exports.get(path))
                    .ifPresent(text -> SettingsListing.parse(namespace, text).forEach(onPhone::add));
            Map<String, String> saved = new HashMap<>();
            snapshot.read(path).ifPresent(text -> SettingsListing.parse(namespace, text)
                    .forEach(s -> saved.put(s.key(), s.value())));
            inBackup.put(namespace, saved);
        }
        try (AdbTargetPhone target = AdbTargetPhone.open(phone.device())) {
            return new SettingsRestorer(target)
                    .plan(inBackup, onPhone).changes().stream()
                            .map(s -> "setting " + s.label() + " (changed since the backup)")
                            .toList();
        }
    }

    private static List<String> wifi(Map<String, byte[]> exports, PhoneSnapshot snapshot) throws IOException {
        byte[] now = exports.get("/wifi/networks.json");
        if (now == null) {
            return List.of();
        }
        List<String> saved = new ArrayList<>();
        Optional<byte[]> listing = snapshot.read("/wifi/networks.json");
        if (listing.isPresent()) {
            readTree("/wifi/networks.json", listing.get()).path("networks").forEach(n -> saved.add(network(n)));
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode network : JSON.readTree(now).path("networks")) {
            if (!saved.remove(network(network))) {
                missing.add("Wi-Fi network '" + network.path("ssid").asText() + "' (saved since the backup)");
            }
        }
        return missing;
    }

    private static String network(JsonNode network) {
        return network.path("ssid").asText() + "\u001f"
                + network.path("security").asText();
    }

    private static JsonNode readTree(String path, byte[] json) throws UnreadableBackupException {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UnreadableBackupException(path, e);
        }
    }
}
