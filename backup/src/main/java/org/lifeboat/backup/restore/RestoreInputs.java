package org.lifeboat.backup.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.lifeboat.adb.client.ApkFile;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.format.dump.ProviderDump;
import org.lifeboat.android.format.dump.ProviderDumpJson;
import org.lifeboat.android.format.ical.CalendarTables;
import org.lifeboat.android.format.sbr.MessageTables;
import org.lifeboat.android.format.vcard.ContactTables;
import org.lifeboat.android.restore.AppToRestore;
import org.lifeboat.android.restore.FileToRestore;
import org.lifeboat.android.restore.MessagesToRestore;
import org.lifeboat.android.restore.Setting;
import org.lifeboat.repository.tree.ByteString;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.walker.SnapshotPath;

/**
 * Turns a phone snapshot (the layout of {@code docs}' snapshot table) back into what the restorers take: the
 * lossless JSON dumps for provider data, {@code apps.json} with the APKs, the settings listings and the files. Large
 * content (files, APKs) is not read here; it streams from the repository when it is pushed.
 */
final class RestoreInputs {
    /** Where {@code /files} lives on the phone: the real path, since {@code /sdcard} is only a symlink to it. */
    static final String SHARED_STORAGE = "/storage/emulated/0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REGULAR_FILE = 0100000;

    private final PhoneSnapshot snapshot;

    RestoreInputs(PhoneSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    Optional<ContactTables> contacts() throws UnreadableBackupException {
        return dump("/contacts/contacts.json")
                .map(d -> new ContactTables(table(d, "raw_contacts"), table(d, "data"), table(d, "groups")));
    }

    Optional<CalendarTables> calendar() throws UnreadableBackupException {
        return dump("/calendar/calendar.json")
                .map(d -> new CalendarTables(
                        table(d, "calendars"), table(d, "events"), table(d, "reminders"), table(d, "attendees")));
    }

    Optional<ProviderTable> calls() throws UnreadableBackupException {
        return dump("/calls/calls.json").map(d -> table(d, "calls"));
    }

    /**
     * The messages and their attachments. Attachments are small and read up front, so that a damaged one is reported
     * on its own ({@code unreadable}) and the message is restored without it rather than failing the whole type.
     */
    Optional<MessagesToRestore> messages(Consumer<UnreadableBackupException> unreadable) throws IOException {
        Optional<ProviderDump> dump = dump("/messages/messages.json");
        if (dump.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, ProviderValue.Blob> parts = new HashMap<>();
        snapshot.walkFiles("/messages/mms-parts", new PhoneSnapshot.FileVisitor() {
            @Override
            public void file(SnapshotPath path, Node node) throws IOException {
                String name = path.asStrings().getLast();
                int dash = name.indexOf('-');
                if (dash <= 0 || !name.substring(0, dash).chars().allMatch(Character::isDigit)) {
                    return;
                }
                try (InputStream in = snapshot.open(path.toString(), node)) {
                    parts.put(Long.parseLong(name.substring(0, dash)), new ProviderValue.Blob(in.readAllBytes()));
                } catch (UnreadableBackupException e) {
                    unreadable.accept(e);
                }
            }

            @Override
            public void unreadableFolder(SnapshotPath path, UnreadableBackupException damage) {
                unreadable.accept(damage);
            }
        });
        MessageTables tables = new MessageTables(
                table(dump.get(), "sms"),
                table(dump.get(), "pdu"),
                table(dump.get(), "part"),
                table(dump.get(), "addr"));
        return Optional.of(new MessagesToRestore(tables, partId -> Optional.ofNullable(parts.get(partId))));
    }

    /** The allow-list is the settings restorer's business; here every well-formed {@code key=value} line. */
    Optional<List<Setting>> settings() throws UnreadableBackupException {
        List<Setting> settings = new ArrayList<>();
        boolean any = false;
        for (String namespace : List.of("system", "secure", "global")) {
            Optional<byte[]> listing = snapshot.read("/settings/" + namespace + ".txt");
            if (listing.isEmpty()) {
                continue;
            }
            any = true;
            settings.addAll(SettingsListing.parse(namespace, listing.get()));
        }
        return any ? Optional.of(settings) : Optional.empty();
    }

    /**
     * Apps from {@code apps.json} that {@code options} keep; their APKs stream from {@code /apps/<package>/} when
     * installed.
     */
    Optional<List<AppToRestore>> apps(PhoneRestoreOptions options) throws UnreadableBackupException {
        Optional<byte[]> listing = snapshot.read("/apps/apps.json");
        if (listing.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(listing.get());
        } catch (IOException e) {
            throw new UnreadableBackupException("/apps/apps.json", e);
        }
        List<AppToRestore> apps = new ArrayList<>();
        for (JsonNode app : root) {
            String packageName = app.path("packageName").asText();
            if (!options.keepsApp(packageName)) {
                continue;
            }
            List<ApkFile> apks = new ArrayList<>();
            for (JsonNode file : app.path("files")) {
                String path = "/apps/" + packageName + "/" + file.path("name").asText();
                Optional<Node> node = snapshot.find(path);
                if (node.isPresent()) {
                    Node apk = node.get();
                    apks.add(new ApkFile(file.path("name").asText(), apk.size(), () -> snapshot.open(path, apk)));
                }
            }
            if (apks.isEmpty()) {
                continue; // the backup could not read its APKs; the backup report said so
            }
            OptionalInt targetSdk = app.hasNonNull("targetSdk")
                    ? OptionalInt.of(app.get("targetSdk").asInt())
                    : OptionalInt.empty();
            apps.add(new AppToRestore(packageName, app.path("versionCode").asLong(), targetSdk, apks));
        }
        return Optional.of(apps);
    }

    /**
     * The files below {@code /files} that {@code options} select, with their phone paths; folders whose listing is
     * damaged go to {@code unreadable}.
     */
    List<FileToRestore> files(PhoneRestoreOptions options, Consumer<UnreadableBackupException> unreadable)
            throws IOException {
        List<FileToRestore> files = new ArrayList<>();
        snapshot.walkFiles("/files", new PhoneSnapshot.FileVisitor() {
            @Override
            public void file(SnapshotPath path, Node node) {
                List<String> components = path.asStrings();
                if (!options.selects(components)) {
                    return;
                }
                if (components.stream().anyMatch(RestoreInputs::unsafeName)) {
                    unreadable.accept(new UnreadableBackupException(
                            path.toString(), new IOException("a stored name is not a single file name")));
                    return;
                }
                // Built from the stored bytes, so that a name is restored exactly as the phone had it.
                DevicePath phonePath = DevicePath.of(SHARED_STORAGE);
                for (ByteString name :
                        path.components().subList(1, path.components().size())) {
                    phonePath = phonePath.resolve(DevicePath.ofBytes(name.toByteArray()));
                }
                String shown = path.toString();
                files.add(new FileToRestore(
                        phonePath,
                        node.size(),
                        node.mtime().toInstant(),
                        REGULAR_FILE | (node.mode().bits() & 0777),
                        () -> snapshot.open(shown, node)));
            }

            @Override
            public void unreadableFolder(SnapshotPath path, UnreadableBackupException damage) {
                unreadable.accept(damage);
            }
        });
        return files;
    }

    /** A name that would leave its folder on the phone; restic's restorer refuses the same. */
    private static boolean unsafeName(String name) {
        return name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\0");
    }

    private Optional<ProviderDump> dump(String path) throws UnreadableBackupException {
        Optional<byte[]> json = snapshot.read(path);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProviderDumpJson.read(new ByteArrayInputStream(json.get())));
        } catch (IOException e) {
            throw new UnreadableBackupException(path, e);
        }
    }

    private static ProviderTable table(ProviderDump dump, String name) {
        return dump.table(name).orElse(ProviderTable.empty(name));
    }
}
