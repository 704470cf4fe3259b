package org.lifeboat.repository;

/**
 * What {@link Repository#saveBlob} has done so far; take one before and one after a backup to report "data added".
 *
 * @param blobsAdded blobs that were new to the repository
 * @param blobsDeduplicated blobs that were already stored (or being stored) and were skipped
 * @param plaintextBytesAdded the new blobs' plaintext size
 * @param storedBytesAdded the new blobs' size in packs, after compression and encryption
 */
public record BlobStatistics(long blobsAdded, long blobsDeduplicated, long plaintextBytesAdded, long storedBytesAdded) {
    /** The difference {@code this - earlier}. */
    public BlobStatistics since(BlobStatistics earlier) {
        return new BlobStatistics(
                blobsAdded - earlier.blobsAdded,
                blobsDeduplicated - earlier.blobsDeduplicated,
                plaintextBytesAdded - earlier.plaintextBytesAdded,
                storedBytesAdded - earlier.storedBytesAdded);
    }
}
