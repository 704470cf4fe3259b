package org.lifeboat.repository.archiver;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.repository.filter.PathFilter;

/**
 * Counts what a backup will process, alongside it, so that progress can show a percentage and an ETA (restic runs
 * the same kind of scanner). Only stats; never reads file contents.
 *
 * <p>It runs even when no progress is shown: its stats run ahead of the walk's, so with a cold cache the walk finds
 * the inodes already read. A no-change backup of 20,000 files with dropped caches took 1.94 s with it and 2.06 s
 * without (0.05 s more with warm caches).
 */
final class Scanner implements Runnable {
    private static final int REPORT_EVERY = 1000;

    private final List<Path> targets;
    private final PathFilter excludes;
    private final BackupListener listener;
    private long files;
    private long bytes;

    Scanner(List<Path> targets, PathFilter excludes, BackupListener listener) {
        this.targets = targets;
        this.excludes = excludes;
        this.listener = listener;
    }

    @Override
    public void run() {
        for (Path target : targets) {
            try {
                Files.walkFileTree(target, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        return excluded(dir) ? FileVisitResult.SKIP_SUBTREE : stopIfInterrupted();
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (!excluded(file) && attributes.isRegularFile()) {
                            files++;
                            bytes += attributes.size();
                            if (files % REPORT_EVERY == 0) {
                                listener.scanned(files, bytes, false);
                            }
                        }
                        return stopIfInterrupted();
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // The backup itself reports unreadable items; the scan only estimates.
            }
        }
        if (!Thread.currentThread().isInterrupted()) {
            listener.scanned(files, bytes, true);
        }
    }

    private boolean excluded(Path path) {
        List<String> components = new ArrayList<>();
        path.forEach(element -> components.add(element.toString()));
        return excludes.matches(components);
    }

    private static FileVisitResult stopIfInterrupted() {
        return Thread.currentThread().isInterrupted() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
    }
}
