package org.lifeboat.backup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.lifeboat.android.collect.CollectedItem;
import org.lifeboat.repository.archiver.FileContent;
import org.lifeboat.repository.archiver.SourceDirectory;
import org.lifeboat.repository.archiver.SourceEntry;
import org.lifeboat.repository.archiver.SourceFile;
import org.lifeboat.repository.tree.ByteString;

/**
 * Turns the flat list of items a collector produced into the directory tree of one top-level snapshot folder.
 * Directories the phone did not describe (export folders such as {@code contacts/}) are
 * {@linkplain SourceDirectory#generated() generated}: they get the backup's time, or keep their previous times when
 * their contents did not change.
 */
final class SnapshotLayout {
    private final Instant backupTime;
    private final Function<CollectedItem.PhoneFile, FileContent> phoneContent;

    SnapshotLayout(Instant backupTime, Function<CollectedItem.PhoneFile, FileContent> phoneContent) {
        this.backupTime = backupTime;
        this.phoneContent = phoneContent;
    }

    /** The folder {@code name} holding every item whose path starts with it. */
    SourceDirectory folder(String name, List<CollectedItem> items) {
        Folder root = new Folder(backupTime, 0755);
        for (CollectedItem item : items) {
            List<String> path = item.path();
            if (path.isEmpty() || !path.getFirst().equals(name)) {
                throw new IllegalArgumentException("item " + path + " does not belong in /" + name);
            }
            Folder parent = root;
            for (String component : path.subList(1, Math.max(1, path.size() - 1))) {
                parent = parent.folder(component, backupTime);
            }
            switch (item) {
                case CollectedItem.PhoneDirectory directory -> {
                    Folder folder = path.size() == 1 ? root : parent.folder(path.getLast(), backupTime);
                    folder.mtime = directory.mtime();
                    folder.permissions = directory.permissions();
                    folder.describedByPhone = true;
                }
                case CollectedItem.PhoneFile file ->
                    parent.entries.put(
                            path.getLast(),
                            new SourceFile(
                                    ByteString.utf8(path.getLast()),
                                    file.size(),
                                    file.mtime(),
                                    file.permissions(),
                                    phoneContent.apply(file)));
                case CollectedItem.Generated generated ->
                    parent.entries.put(
                            path.getLast(), SourceFile.ofBytes(path.getLast(), generated.bytes(), backupTime));
            }
        }
        return root.toSource(name);
    }

    /** A directory being assembled; its entries are files or sub-folders by name. */
    private static final class Folder {
        private final Map<String, Object> entries = new TreeMap<>();
        private Instant mtime;
        private int permissions;
        private boolean describedByPhone;

        private Folder(Instant mtime, int permissions) {
            this.mtime = mtime;
            this.permissions = permissions;
        }

        private Folder folder(String name, Instant defaultTime) {
            Object existing = entries.get(name);
            if (existing instanceof Folder folder) {
                return folder;
            }
            Folder created = new Folder(defaultTime, 0755);
            entries.put(name, created);
            return created;
        }

        private SourceDirectory toSource(String name) {
            List<SourceEntry> children = new ArrayList<>(entries.size());
            entries.forEach((childName, child) ->
                    children.add(child instanceof Folder folder ? folder.toSource(childName) : (SourceEntry) child));
            return new SourceDirectory(ByteString.utf8(name), mtime, permissions, children, !describedByPhone);
        }
    }
}
