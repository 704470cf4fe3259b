package org.lifeboat.repository.archiver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Opens the bytes of a {@link SourceFile}, at most once per backup and only when the file must be read. The stream
 * is read to its end and closed by the backup, possibly on another thread than the one that described the file.
 */
@FunctionalInterface
public interface FileContent {
    InputStream open() throws IOException;

    /** Content already in memory; the array must not change afterwards. */
    static FileContent of(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }
}
