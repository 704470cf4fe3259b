package org.lifeboat.android.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteFileStat;
import org.lifeboat.adb.client.ShellCommand;

/**
 * Installed user apps: every APK (base and splits, from {@code pm path}) under {@code apps/<package>/}, and
 * {@code apps/apps.json} with version code, version name and installer for restore (android-data.md §4.11). App
 * private data is out of adb's reach and is reported as such.
 */
final class AppsCollector implements Collector {
    /**
     * {@code package:<sourceDir>=<pkg> versionCode:<n>  installer=<pkg|null> uid:<n>}; the source dir itself may hold
     * {@code =} on Android 11+, so the split is at the last {@code =} before the package name.
     */
    private static final Pattern LISTED = Pattern.compile(
            "^package:(.*\\.apk)=(\\S+)(?: versionCode:(\\d+))?(?:\\s+installer=(\\S+))?(?:\\s+uid:(\\d+))?\\s*$",
            Pattern.MULTILINE);

    private static final Pattern VERSION_NAME = Pattern.compile("^\\s*versionName=(.*)$", Pattern.MULTILINE);
    private static final Pattern TARGET_SDK = Pattern.compile("\\btargetSdk=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record App(String packageName, long versionCode, Optional<String> installer, OptionalLong uid) {}

    @Override
    public DataType type() {
        return DataType.APPS;
    }

    @Override
    public Collection collect(Phone phone) throws IOException {
        List<App> apps = listUserApps(phone);
        List<CollectedItem> items = new ArrayList<>();
        List<NotSaved> notSaved = new ArrayList<>();
        ArrayNode listing = JSON.createArrayNode();
        long saved = 0;
        for (App app : apps) {
            ObjectNode entry = listing.addObject();
            entry.put("packageName", app.packageName());
            entry.put("versionCode", app.versionCode());
            String dump = phone.runText(ShellCommand.of("dumpsys", "package", app.packageName()));
            entry.put(
                    "versionName",
                    match(VERSION_NAME, dump).filter(v -> !v.equals("null")).orElse(null));
            match(TARGET_SDK, dump).map(Integer::parseInt).ifPresent(sdk -> entry.put("targetSdk", sdk));
            entry.put("installer", app.installer().orElse(null));
            app.uid().ifPresent(uid -> entry.put("uid", uid));
            ArrayNode files = entry.putArray("files");
            boolean complete = true;
            for (DevicePath apk : apkPaths(phone, app.packageName())) {
                Optional<RemoteFileStat> stat = phone.files().stat(apk);
                String name = apk.fileName().toString();
                if (stat.isEmpty() || !stat.get().isRegularFile()) {
                    complete = false;
                    notSaved.add(NotSaved.failed(
                            app.packageName() + "/" + name, "the APK vanished while listing", "run the backup again"));
                    continue;
                }
                files.addObject().put("name", name).put("size", stat.get().size());
                items.add(new CollectedItem.PhoneFile(
                        List.of("apps", app.packageName(), name),
                        apk,
                        stat.get().size(),
                        stat.get().mtime(),
                        0644));
            }
            saved += complete ? 1 : 0;
        }
        items.add(new CollectedItem.Generated(List.of("apps", "apps.json"), JSON.writeValueAsBytes(listing)));
        if (!apps.isEmpty()) {
            notSaved.add(NotSaved.unreachable(
                    "app data (settings, logins, chats inside apps)",
                    OptionalLong.of(apps.size()),
                    "app private data needs root; Android 12+ no longer lets adb back it up",
                    "use each app's own backup or export; files apps keep in shared storage are under /files"));
        }
        return new Collection(
                DataType.APPS, items, new TypeReport(DataType.APPS, apps.size(), saved, Exports.size(items), notSaved));
    }

    static List<App> listUserApps(Phone phone) throws IOException {
        String listing = phone.runText(ShellCommand.script("pm list packages -f -3 -U -i --show-versioncode"));
        List<App> apps = new ArrayList<>();
        Matcher matcher = LISTED.matcher(listing);
        while (matcher.find()) {
            String installer = matcher.group(4);
            apps.add(new App(
                    matcher.group(2),
                    matcher.group(3) == null ? 0 : Long.parseLong(matcher.group(3)),
                    installer == null || installer.equals("null") ? Optional.empty() : Optional.of(installer),
                    matcher.group(5) == null
                            ? OptionalLong.empty()
                            : OptionalLong.of(Long.parseLong(matcher.group(5)))));
        }
        return apps;
    }

    private static List<DevicePath> apkPaths(Phone phone, String packageName) throws IOException {
        String paths = phone.runText(ShellCommand.of("pm", "path", packageName));
        List<DevicePath> apks = new ArrayList<>();
        for (String line : paths.split("\n")) {
            if (line.startsWith("package:")) {
                apks.add(DevicePath.of(line.substring("package:".length()).strip()));
            }
        }
        return apks;
    }

    private static Optional<String> match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
    }
}
