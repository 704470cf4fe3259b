package org.lifeboat.android.collect;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteDirEntry;
import org.lifeboat.adb.client.RemoteFileException;
import org.lifeboat.adb.client.RemoteFileStat;

/**
 * Shared storage under {@code files/}, listed over sync ({@code LIS2}/{@code LIST}) with sizes and mtimes; the bytes
 * are read later, only for files that changed. Without {@code ls_v2} the listed sizes are 32-bit, so each folder's
 * file sizes are asked again of {@code stat} ({@link StatSizes}). {@code /storage/emulated/0} is listed rather than
 * {@code /sdcard}, a symlink (android-data.md §4.13). Android/data and Android/obb are readable by adb from Android 11
 * only.
 */
final class FilesCollector implements Collector {
    static final DevicePath ROOT = DevicePath.of("/storage/emulated/0");
    static final int FIRST_APP_STORAGE_API = 30;
    private static final List<String> APP_STORAGE = List.of("data", "obb");

    @Override
    public DataType type() {
        return DataType.FILES;
    }

    @Override
    public Collection collect(Phone phone) throws IOException {
        List<CollectedItem> items = new ArrayList<>();
        List<NotSaved> notSaved = new ArrayList<>();
        Optional<RemoteFileStat> root = phone.files().stat(ROOT);
        if (root.isEmpty() || !root.get().isDirectory() && !root.get().isSymbolicLink()) {
            notSaved.add(NotSaved.failed("shared storage", ROOT + " is not there", "unlock the phone and try again"));
            return new Collection(DataType.FILES, items, new TypeReport(DataType.FILES, 0, 0, 0, notSaved));
        }
        items.add(new CollectedItem.PhoneDirectory(
                List.of("files"), root.get().mtime(), root.get().permissions()));
        boolean appStorageReadable = phone.sdk() >= FIRST_APP_STORAGE_API;
        long files = 0;
        Deque<Directory> pending = new ArrayDeque<>();
        pending.push(new Directory(ROOT, List.of("files")));
        while (!pending.isEmpty()) {
            Directory directory = pending.pop();
            List<RemoteDirEntry> entries = new ArrayList<>();
            try {
                phone.files().list(directory.path(), entries::add);
            } catch (RemoteFileException e) {
                notSaved.add(NotSaved.failed(
                        "/" + String.join("/", directory.components()),
                        e.getMessage(),
                        "check the folder's permissions on the phone and run the backup again"));
                continue;
            }
            List<CollectedItem.PhoneFile> listed = new ArrayList<>();
            boolean sizesTruncated = false;
            for (RemoteDirEntry entry : entries) {
                DevicePath path = directory.path().resolve(entry.name());
                List<String> components =
                        append(directory.components(), entry.name().toString());
                String shown = "/" + String.join("/", components);
                if (!entry.name().isUtf8()) {
                    notSaved.add(new NotSaved(
                            shown,
                            OptionalLong.of(1),
                            "the name is not valid UTF-8, which" + " restic's snapshot format cannot store exactly",
                            "rename it on the phone",
                            true));
                    continue;
                }
                RemoteFileStat stat = entry.stat();
                if (stat.isDirectory()) {
                    if (!appStorageReadable && isAppStorage(components)) {
                        notSaved.add(NotSaved.unreachable(
                                shown,
                                OptionalLong.empty(),
                                "adb may read apps' own folders only from Android 11",
                                "copy what you need out of it with the app that owns it"));
                        continue;
                    }
                    items.add(new CollectedItem.PhoneDirectory(components, stat.mtime(), stat.permissions()));
                    pending.push(new Directory(path, components));
                } else if (stat.isRegularFile()) {
                    files++;
                    sizesTruncated |= !stat.sizeExact();
                    listed.add(new CollectedItem.PhoneFile(
                            components, path, stat.size(), stat.mtime(), stat.permissions()));
                }
            }
            items.addAll(sizesTruncated ? withStatSizes(phone, listed) : listed);
        }
        long bytes = Exports.size(items);
        return new Collection(DataType.FILES, items, new TypeReport(DataType.FILES, files, files, bytes, notSaved));
    }

    /** {@code files} with the sizes {@code stat} gives, where sync v1 could only give them modulo 4 GiB. */
    private static List<CollectedItem.PhoneFile> withStatSizes(Phone phone, List<CollectedItem.PhoneFile> files)
            throws IOException {
        List<OptionalLong> sizes = StatSizes.of(
                phone, files.stream().map(CollectedItem.PhoneFile::source).toList());
        List<CollectedItem.PhoneFile> result = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            CollectedItem.PhoneFile file = files.get(i);
            long size = sizes.get(i).orElse(file.size());
            result.add(new CollectedItem.PhoneFile(file.path(), file.source(), size, file.mtime(), file.permissions()));
        }
        return result;
    }

    private static boolean isAppStorage(List<String> components) {
        return components.size() == 3 && components.get(1).equals("Android") && APP_STORAGE.contains(components.get(2));
    }

    private record Directory(DevicePath path, List<String> components) {}

    private static List<String> append(List<String> components, String name) {
        List<String> result = new ArrayList<>(components.size() + 1);
        result.addAll(components);
        result.add(name);
        return List.copyOf(result);
    }
}
