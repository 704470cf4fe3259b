package org.lifeboat.repository.pack;

import java.util.Objects;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.crypto.MasterKey;

/**
 * One blob's place in its pack, as the pack header and the index describe it.
 *
 * @param offset where the sealed blob starts in the pack (the running sum of the lengths before it)
 * @param length the sealed length (payload + 32)
 * @param uncompressedLength the plaintext length if the payload is zstd-compressed, else 0: restic signals
 *     compression only through a non-zero value
 */
public record PackBlob(BlobHandle handle, long offset, int length, int uncompressedLength) {
    public PackBlob {
        Objects.requireNonNull(handle, "handle");
        if (offset < 0 || length < MasterKey.OVERHEAD || uncompressedLength < 0) {
            throw new IllegalArgumentException("invalid blob placement " + handle + ": offset " + offset + ", length "
                    + length + ", uncompressed length " + uncompressedLength);
        }
    }

    public boolean isCompressed() {
        return uncompressedLength != 0;
    }

    /** The plaintext's length, which a restored file's chunk contributes. */
    public int plaintextLength() {
        return isCompressed() ? uncompressedLength : length - MasterKey.OVERHEAD;
    }

    /** The offset just past this blob. */
    public long end() {
        return offset + length;
    }
}
