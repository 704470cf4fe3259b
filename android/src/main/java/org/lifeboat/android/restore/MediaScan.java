package org.lifeboat.android.restore;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells the phone's media scanner about restored files so galleries see them with their EXIF dates
 * (android-data.md §5). From Android 11 MediaProvider answers {@code content call} with {@code scan_file} (one path)
 * or {@code scan_volume}; Android 10's {@code call} wants a Parcelable Uri that {@code content} cannot pass, so below
 * 11 the {@code MEDIA_SCANNER_SCAN_FILE} broadcast is used, which MediaProvider's receiver handles on all versions.
 */
final class MediaScan {
    static final int ANDROID_11 = 30;
    /** Above this many files one volume scan is cheaper than a process per file. */
    static final int VOLUME_SCAN_THRESHOLD = 200;

    private static final String PRIMARY_VOLUME = "external_primary";

    private MediaScan() {}

    /** The commands that make the scanner look at {@code paths} on a phone at {@code apiLevel}. */
    static List<List<String>> commands(List<String> paths, int apiLevel) {
        List<List<String>> commands = new ArrayList<>();
        if (paths.isEmpty()) {
            return commands;
        }
        if (apiLevel >= ANDROID_11 && paths.size() > VOLUME_SCAN_THRESHOLD) {
            commands.add(List.of(
                    "content", "call", "--uri", "content://media", "--method", "scan_volume", "--arg", PRIMARY_VOLUME));
            return commands;
        }
        for (String path : paths) {
            String real = realPath(path);
            commands.add(
                    apiLevel >= ANDROID_11
                            ? List.of(
                                    "content",
                                    "call",
                                    "--uri",
                                    "content://media",
                                    "--method",
                                    "scan_file",
                                    "--arg",
                                    real)
                            : List.of(
                                    "am",
                                    "broadcast",
                                    "-a",
                                    "android.intent.action.MEDIA_SCANNER_SCAN_FILE",
                                    "-d",
                                    fileUri(real)));
        }
        return commands;
    }

    /** Runs the scan and returns the first error the phone reported, if any. */
    static Optional<String> run(PhoneShell shell, List<String> paths) throws IOException {
        for (Optional<String> output : shell.runBatch(commands(paths, shell.apiLevel()))) {
            Optional<String> error = output.isEmpty()
                    ? Optional.of("the phone's shell stopped during the media scan")
                    : PhoneShell.commandError(output.get());
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    /** MediaProvider keys its rows by the real path; {@code /sdcard} is only a symlink to it. */
    static String realPath(String path) {
        return path.startsWith("/sdcard/") ? "/storage/emulated/0/" + path.substring("/sdcard/".length()) : path;
    }

    /** A {@code file://} URI whose {@code getPath()} gives back {@code path} exactly: spaces, '#' and '?' escaped. */
    static String fileUri(String path) {
        try {
            return new URI("file", "", path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a file URI of " + path, e);
        }
    }
}
