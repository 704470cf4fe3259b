package org.lifeboat.android.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeboat.adb.client.InstallFailedException;

/**
 * Installs backed-up apps with their splits in one package-manager session each, skipping apps installed in the same
 * or a newer version. Android 14 refuses apps targeting SDK &lt; 23 with {@code INSTALL_FAILED_DEPRECATED_SDK_VERSION}
 * unless {@code --bypass-low-target-sdk-block} is given (frameworks/base ffa1a73c533c, android-data.md §4.11): the
 * flag is passed when the backup says the app targets that low, and otherwise added on a retry after exactly that
 * refusal.
 */
public final class AppRestorer implements Restorer<Map<String, Long>, List<AppToRestore>, AppToRestore> {
    static final String BYPASS_LOW_TARGET_SDK = "--bypass-low-target-sdk-block";
    static final String LOW_TARGET_SDK_REFUSAL = "INSTALL_FAILED_DEPRECATED_SDK_VERSION";

    private static final int ANDROID_9 = 28;
    private static final int ANDROID_14 = 34;
    private static final int LOWEST_UNBLOCKED_TARGET = 23;
    private static final Pattern LISTED = Pattern.compile("^package:(\\S+) versionCode:(\\d+)", Pattern.MULTILINE);
    private static final Pattern DUMPED_VERSION = Pattern.compile("versionCode=(\\d+)");

    private final PhoneShell shell;

    public AppRestorer(TargetPhone phone) {
        this.shell = new PhoneShell(phone);
    }

    @Override
    public RestoreType type() {
        return RestoreType.APPS;
    }

    /** Installed version codes of the backed-up packages (absent when not installed). */
    @Override
    public Map<String, Long> inspect(List<AppToRestore> desired) throws IOException {
        Map<String, Long> installed = new HashMap<>();
        if (shell.apiLevel() >= ANDROID_9) {
            // --show-versioncode arrived in Android 9; one listing covers every package.
            Matcher m = LISTED.matcher(shell.run(List.of("pm", "list", "packages", "--show-versioncode"))
                    .stdout());
            while (m.find()) {
                installed.put(m.group(1), Long.parseLong(m.group(2)));
            }
        } else {
            for (AppToRestore app : desired) {
                installedVersion(app.packageName()).ifPresent(v -> installed.put(app.packageName(), v));
            }
        }
        return installed;
    }

    @Override
    public RestorePlan<AppToRestore> plan(Map<String, Long> installed, List<AppToRestore> desired) {
        List<AppToRestore> changes = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (AppToRestore app : desired) {
            Long version = installed.get(app.packageName());
            if (version != null && version >= app.versionCode()) {
                present.add(app.label() + (version > app.versionCode() ? ", newer " + version + " installed" : ""));
            } else {
                changes.add(app);
            }
        }
        return new RestorePlan<>(RestoreType.APPS, changes, present, List.of());
    }

    @Override
    public RestoreResult apply(RestorePlan<AppToRestore> plan, RestoreProgress progress) throws IOException {
        List<String> restored = new ArrayList<>();
        List<ItemFailure> failed = new ArrayList<>(plan.notRestorable());
        long bytes = 0;
        int done = 0;
        for (AppToRestore app : plan.changes()) {
            try {
                install(app);
                OptionalLong now = installedVersion(app.packageName());
                if (now.isPresent() && now.getAsLong() >= app.versionCode()) {
                    restored.add(app.label());
                } else {
                    failed.add(new ItemFailure(
                            app.label(),
                            "the phone reported success but lists "
                                    + (now.isPresent() ? "versionCode " + now.getAsLong() : "no such package")));
                }
            } catch (InstallFailedException e) {
                failed.add(new ItemFailure(app.label(), e.getMessage() + hint(e.getMessage())));
            }
            bytes += app.totalBytes();
            progress.advanced(RestoreType.APPS, ++done, plan.changes().size(), bytes);
        }
        return new RestoreResult(RestoreType.APPS, restored, plan.alreadyPresent(), failed, shell.count());
    }

    private void install(AppToRestore app) throws IOException {
        boolean android14 = shell.apiLevel() >= ANDROID_14;
        boolean lowTarget = app.targetSdk().isPresent() && app.targetSdk().getAsInt() < LOWEST_UNBLOCKED_TARGET;
        List<String> options = android14 && lowTarget ? List.of("-r", BYPASS_LOW_TARGET_SDK) : List.of("-r");
        try {
            shell.phone().install(app.apks(), options);
        } catch (InstallFailedException e) {
            if (!android14 || lowTarget || !e.getMessage().contains(LOW_TARGET_SDK_REFUSAL)) {
                throw e;
            }
            shell.phone().install(app.apks(), List.of("-r", BYPASS_LOW_TARGET_SDK));
        }
    }

    private OptionalLong installedVersion(String packageName) throws IOException {
        if (shell.apiLevel() >= ANDROID_9) {
            String listing = shell.run(List.of("pm", "list", "packages", "--show-versioncode", packageName))
                    .stdout();
            Matcher m = LISTED.matcher(listing);
            while (m.find()) {
                if (m.group(1).equals(packageName)) {
                    return OptionalLong.of(Long.parseLong(m.group(2)));
                }
            }
            return OptionalLong.empty();
        }
        Matcher m = DUMPED_VERSION.matcher(
                shell.run(List.of("dumpsys", "package", packageName)).stdout());
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** One line on what the user can do about the refusals users meet most. */
    private static String hint(String message) {
        if (message.contains("INSTALL_FAILED_USER_RESTRICTED")) {
            return " (on Xiaomi phones turn on Developer options > Install via USB)";
        }
        if (message.contains("INSTALL_FAILED_MISSING_SPLIT") || message.contains("INSTALL_FAILED_NO_MATCHING_ABIS")) {
            return " (the backed-up splits do not fit this phone's CPU or screen; install the app from its store)";
        }
        if (message.contains("INSTALL_FAILED_UPDATE_INCOMPATIBLE")) {
            return " (a copy signed by someone else is installed; uninstall it first)";
        }
        return "";
    }
}
