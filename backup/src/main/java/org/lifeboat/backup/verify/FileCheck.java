package org.lifeboat.backup.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.adb.client.ShellResult;
import org.lifeboat.android.collect.CollectedItem;
import org.lifeboat.android.collect.Phone;
import org.lifeboat.backup.restore.PhoneSnapshot;
import org.lifeboat.backup.restore.UnreadableBackupException;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.walker.SnapshotPath;

/**
 * Phone files against the snapshot's {@code /files}: by path, size and mtime (whole seconds, what the phone keeps),
 * and with {@code deep} by SHA-256, computed by toybox {@code sha256sum} on the phone (android-data.md §4.13) and
 * from the snapshot's blobs here, so that no file crosses the cable.
 */
final class FileCheck {
    /** Paths per {@code sha256sum} call: long enough to save round trips, short of any shell's argument limit. */
    private static final int HASH_BATCH = 64;

    private static final Pattern HASH_LINE = Pattern.compile("^([0-9a-f]{64})\\s+(.*)$", Pattern.MULTILINE);

    private final Phone phone;
    private final PhoneSnapshot snapshot;

    FileCheck(Phone phone, PhoneSnapshot snapshot) {
        this.phone = phone;
        this.snapshot = snapshot;
    }

    /** Labels of the phone files the snapshot does not hold as they are now. */
    List<String> notInBackup(List<CollectedItem> items, boolean deep) throws IOException {
        Map<String, Node> stored = new HashMap<>();
        List<String> missing = new ArrayList<>();
        snapshot.walkFiles("/files", new PhoneSnapshot.FileVisitor() {
            @Override
            public void file(SnapshotPath path, Node node) {
                stored.put(path.toString(), node);
            }

            @Override
            public void unreadableFolder(SnapshotPath path, UnreadableBackupException damage) {
                missing.add(path + "/: " + damage.getMessage());
            }
        });
        List<CollectedItem.PhoneFile> unchanged = new ArrayList<>();
        for (CollectedItem item : items) {
            if (!(item instanceof CollectedItem.PhoneFile file)) {
                continue;
            }
            String path = "/" + String.join("/", file.path());
            Node node = stored.get(path);
            if (node == null) {
                missing.add(path + " (new since the backup)");
            } else if (node.size() != file.size()
                    || node.mtime().toEpochSecond() != file.mtime().getEpochSecond()) {
                missing.add(path + " (changed since the backup: " + file.size() + " bytes dated " + file.mtime()
                        + ", the backup has " + node.size() + " bytes dated "
                        + node.mtime().toInstant() + ")");
            } else {
                unchanged.add(file);
            }
        }
        if (deep) {
            missing.addAll(contentMismatches(unchanged, stored));
        }
        return missing;
    }

    private List<String> contentMismatches(List<CollectedItem.PhoneFile> files, Map<String, Node> stored)
            throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (int start = 0; start < files.size(); start += HASH_BATCH) {
            List<CollectedItem.PhoneFile> batch = files.subList(start, Math.min(files.size(), start + HASH_BATCH));
            Map<String, String> onPhone = phoneHashes(batch);
            for (CollectedItem.PhoneFile file : batch) {
                String path = "/" + String.join("/", file.path());
                String phoneHash = onPhone.get(file.source().toString());
                if (phoneHash == null) {
                    mismatches.add(path + " (the phone could not compute its SHA-256)");
                    continue;
                }
                String backupHash;
                try {
                    backupHash = sha256(snapshot.open(path, stored.get(path)));
                } catch (UnreadableBackupException e) {
                    mismatches.add(path + " (" + e.getMessage() + ")");
                    continue;
                }
                if (!backupHash.equals(phoneHash)) {
                    mismatches.add(path + " (same size and date, but the content differs from the backup)");
                }
            }
        }
        return mismatches;
    }

    /** {@code sha256sum} prints {@code <hex>  <path>} per file; unreadable files go to stderr and are absent. */
    private Map<String, String> phoneHashes(List<CollectedItem.PhoneFile> batch) throws IOException {
        ShellCommand.Builder command = ShellCommand.builder().word("sha256sum");
        batch.forEach(file -> command.arg(file.source()));
        ShellResult result = phone.run(command.word("2>/dev/null").build());
        Map<String, String> hashes = new HashMap<>();
        Matcher line = HASH_LINE.matcher(result.stdoutText());
        while (line.find()) {
            hashes.put(line.group(2), line.group(1));
        }
        return hashes;
    }

    private static String sha256(InputStream content) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (DigestInputStream in = new DigestInputStream(content, digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
