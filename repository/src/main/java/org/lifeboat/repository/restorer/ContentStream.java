package org.lifeboat.repository.restorer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.tree.InvalidTreeException;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.NodeType;

/**
 * The bytes of one file in a snapshot, read blob by blob as the reader asks for them: a consumer such as a phone
 * push streams a file of any size with one decrypted blob in memory and nothing on disk. Every blob is
 * authenticated and hash-checked as it is loaded ({@link Repository#loadBlob(BlobHandle)}), so a damaged one fails
 * the read with {@link org.lifeboat.repository.CorruptBlobException} or
 * {@link org.lifeboat.repository.BlobNotFoundException} before any of its bytes are handed out.
 */
public final class ContentStream extends InputStream {
    private final Repository repository;
    private final List<Id> blobs;
    private final long size;
    private final String name;
    private int nextBlob;
    private byte[] current = new byte[0];
    private int position;
    private long delivered;

    private ContentStream(Repository repository, List<Id> blobs, long size, String name) {
        this.repository = repository;
        this.blobs = blobs;
        this.size = size;
        this.name = name;
    }

    /**
     * Opens the content of a file node.
     *
     * @throws IllegalArgumentException if {@code file} is not a regular file
     */
    public static ContentStream open(Repository repository, Node file) {
        Objects.requireNonNull(repository, "repository");
        if (file.type() != NodeType.FILE) {
            throw new IllegalArgumentException("only files have content; "
                    + file.name().toQuoted() + " is a " + file.type().jsonName());
        }
        // As restic restores it: a file of size 0 is empty whatever its content list says.
        return new ContentStream(
                repository,
                file.size() == 0 ? List.of() : file.content(),
                file.size(),
                file.name().toQuoted());
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        delivered++;
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        delivered += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    /** Loads the next non-empty blob when the current one is used up; false at the end of the file. */
    private boolean fill() throws IOException {
        while (position == current.length) {
            if (nextBlob == blobs.size()) {
                if (delivered != size) {
                    throw new InvalidTreeException("the snapshot says " + name + " has " + size + " bytes, but its "
                            + blobs.size() + " data blobs hold " + delivered);
                }
                return false;
            }
            current = repository.loadBlob(new BlobHandle(blobs.get(nextBlob++), BlobType.DATA));
            position = 0;
        }
        return true;
    }
}
