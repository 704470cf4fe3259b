package org.lifeboat.android.collect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lifeboat.adb.client.DevicePath;

/**
 * An entry of the snapshot a collector wants written, addressed by its path below the snapshot root
 * ({@code ["contacts", "contacts.vcf"]}). Collectors only describe; the backup job stores.
 */
public sealed interface CollectedItem {
    List<String> path();

    /** A document made on the host, such as a vCard or a JSON dump. */
    record Generated(List<String> path, byte[] bytes) implements CollectedItem {
        public Generated {
            path = List.copyOf(path);
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public long size() {
            return bytes.length;
        }
    }

    /** A file read from the phone when (and only when) it has changed since the last backup. */
    record PhoneFile(List<String> path, DevicePath source, long size, Instant mtime, int permissions)
            implements CollectedItem {
        public PhoneFile {
            path = List.copyOf(path);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(mtime, "mtime");
        }
    }

    /** A phone directory, so that its mtime and empty folders are kept. */
    record PhoneDirectory(List<String> path, Instant mtime, int permissions) implements CollectedItem {
        public PhoneDirectory {
            path = List.copyOf(path);
            Objects.requireNonNull(mtime, "mtime");
        }
    }
}
