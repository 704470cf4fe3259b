package org.lifeboat.virtualphone.provider.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lifeboat.virtualphone.fs.DirEntry;
import org.lifeboat.virtualphone.fs.FileStat;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;
import org.lifeboat.virtualphone.provider.SharedStorage;

/** The media scanner's view of the phone's file system: regular files by their canonical device path. */
final class PhoneStorage implements SharedStorage {
    private final PhoneFileSystem fileSystem;

    PhoneStorage(PhoneFileSystem fileSystem) {
        this.fileSystem = fileSystem;
    }

    @Override
    public Optional<FileInfo> stat(String devicePath) {
        try {
            FileStat stat = fileSystem.stat(devicePath);
            return stat.isRegularFile()
                    ? Optional.of(new FileInfo(
                            devicePath, stat.size(), stat.modified().getEpochSecond()))
                    : Optional.empty();
        } catch (PhoneFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<FileInfo> walk(String deviceDirectory) {
        List<FileInfo> files = new ArrayList<>();
        collect(deviceDirectory, files);
        return files;
    }

    private void collect(String directory, List<FileInfo> into) {
        List<DirEntry> entries;
        try {
            entries = fileSystem.list(directory);
        } catch (PhoneFileException unreadable) {
            return;
        }
        for (DirEntry entry : entries) {
            String path = directory.endsWith("/") ? directory + entry.name() : directory + "/" + entry.name();
            if (entry.stat().isDirectory()) {
                collect(path, into);
            } else if (entry.stat().isRegularFile()) {
                into.add(new FileInfo(
                        path, entry.stat().size(), entry.stat().modified().getEpochSecond()));
            }
        }
    }

    @Override
    public String canonicalPath(String devicePath) {
        try {
            return fileSystem.canonicalPath(devicePath);
        } catch (PhoneFileException missing) {
            return SharedStorage.empty().canonicalPath(devicePath);
        }
    }
}
