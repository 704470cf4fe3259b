package org.lifeboat.repository;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.DataFormatException;
import org.lifeboat.repository.backend.Backend;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileInfo;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.compression.Compression;
import org.lifeboat.repository.crypto.CiphertextVerificationException;
import org.lifeboat.repository.crypto.MasterKey;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.crypto.ScryptParams;
import org.lifeboat.repository.index.IndexContent;
import org.lifeboat.repository.index.IndexFileCodec;
import org.lifeboat.repository.index.IndexRecovery;
import org.lifeboat.repository.index.IndexRecoveryReport;
import org.lifeboat.repository.index.IndexedPack;
import org.lifeboat.repository.index.MasterIndex;
import org.lifeboat.repository.index.PackScan;
import org.lifeboat.repository.index.PackedBlob;
import org.lifeboat.repository.key.KeyStore;
import org.lifeboat.repository.key.OpenedKey;
import org.lifeboat.repository.pack.PackBlob;
import org.lifeboat.repository.pack.PackFile;
import org.lifeboat.repository.pack.Packer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open restic repository: encrypted files, blobs in packs, and the index that finds them.
 *
 * <p>Write order is what keeps a repository consistent after a crash: {@link #saveBlob} fills packs, {@link #flush}
 * stores the packs and then the index that lists them, and only after that may a snapshot referring to the blobs be
 * saved with {@link #saveUnpacked}. Blobs become loadable once {@link #flush} has returned. During long writes an
 * index file is also written every few packs ({@link IndexRotation}), so that a crash loses a bounded amount of
 * uploaded data: the next backup reuses every blob an index file lists. Thread-safe.
 */
public final class Repository implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(Repository.class);

    /** restic 0.14 starts a new index file after this many blobs (compressed index files). */
    static final int MAX_BLOBS_PER_INDEX_FILE = 150_000;

    private static final byte COMPRESSED_PAYLOAD = 2;
    /** The largest decoded unpacked file we accept; a bigger one is an attack or damage. */
    private static final int MAX_UNPACKED_SIZE = 1 << 30;

    private final Backend backend;
    private final Config config;
    private final OpenedKey key;
    private final RepositorySettings settings;
    private final MasterIndex index = new MasterIndex();
    private final Set<BlobHandle> blobsInPendingPacks = ConcurrentHashMap.newKeySet();
    private final PackUploader uploader;
    private final LongAdder blobsAdded = new LongAdder();
    private final LongAdder blobsDeduplicated = new LongAdder();
    private final LongAdder plaintextBytesAdded = new LongAdder();
    private final LongAdder storedBytesAdded = new LongAdder();
    /** Serialises index writes, so that no pack is listed in two index files. */
    private final Object indexWriter = new Object();

    private volatile Instant lastIndexWrite;
    private boolean indexLoaded;
    private volatile IndexRecoveryReport indexRecovery = IndexRecoveryReport.CLEAN;

    private Repository(Backend backend, Config config, OpenedKey key, RepositorySettings settings) {
        this.backend = backend;
        this.config = config;
        this.key = key;
        this.settings = settings;
        this.lastIndexWrite = settings.clock().instant();
        this.uploader = new PackUploader(backend, key.masterKey(), index, settings, this::packStored);
    }

    /** Runs on the upload thread once a pack is stored and in the master index. */
    private void packStored(IndexedPack stored) {
        stored.blobs().forEach(blob -> blobsInPendingPacks.remove(blob.handle()));
        List<IndexedPack> unsaved = index.unsavedPacks();
        int unsavedBlobs =
                unsaved.stream().mapToInt(pack -> pack.blobs().size()).sum();
        Duration sinceLastIndex =
                Duration.between(lastIndexWrite, settings.clock().instant());
        if (settings.indexRotation().isDue(unsaved.size(), unsavedBlobs, sinceLastIndex)) {
            try {
                writeIndexOfUnsavedPacks();
            } catch (IOException e) {
                // The uploader records this as its sticky failure: the write stops instead of losing track.
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Creates a new version-2 repository with a random master key, repository ID and chunker polynomial.
     *
     * @throws RepositoryAlreadyExistsException if the backend already holds a repository
     */
    public static Repository init(Backend backend, Password password, ScryptParams params, RepositorySettings settings)
            throws IOException {
        if (backend.exists(FileHandle.config())) {
            throw new RepositoryAlreadyExistsException(backend.location());
        }
        try {
            backend.create();
        } catch (FileAlreadyExistsException e) {
            throw new RepositoryAlreadyExistsException(backend.location());
        }
        MasterKey masterKey = MasterKey.generate(settings.random());
        KeyStore keys = new KeyStore(backend, settings.random(), settings.clock(), settings.identity());
        Id keyId = keys.add(masterKey, password, params);
        Config config = Config.random(settings.random());
        backend.save(FileHandle.config(), masterKey.seal(config.toJson(), settings.random()));
        Repository repository = new Repository(backend, config, new OpenedKey(keyId, masterKey), settings);
        repository.indexLoaded = true;
        return repository;
    }

    /**
     * Opens a repository with any of its passwords. The index is loaded on first use of a blob, after callers had
     * the chance to list snapshots first (restic's read ordering against concurrent backups).
     *
     * @throws RepositoryNotFoundException if there is no {@code config}
     * @throws WrongPasswordException if no key opens with the password
     */
    public static Repository open(Backend backend, Password password, RepositorySettings settings) throws IOException {
        if (!backend.exists(FileHandle.config())) {
            throw new RepositoryNotFoundException(backend.location());
        }
        OpenedKey key = new KeyStore(backend, settings.random(), settings.clock(), settings.identity()).open(password);
        byte[] plaintext;
        try {
            plaintext = key.masterKey().open(backend.loadAll(FileHandle.config()));
        } catch (CiphertextVerificationException e) {
            throw new CorruptFileException("config", e.getMessage(), e);
        }
        return new Repository(backend, Config.fromJson(plaintext), key, settings);
    }

    public Config config() {
        return config;
    }

    public Backend backend() {
        return backend;
    }

    public RepositorySettings settings() {
        return settings;
    }

    /** The key file that opened this repository (restic refuses to remove it with {@code key remove}). */
    public Id keyId() {
        return key.keyId();
    }

    /** The master key, for code that reads packs directly (check, prune) and for key management. */
    public MasterKey masterKey() {
        return key.masterKey();
    }

    /** The index of all blobs, loading it on first use. */
    public MasterIndex index() throws IOException {
        ensureIndexLoaded();
        return index;
    }

    /**
     * Loads every index file. Damaged index files and packs that no index file lists do not stop it: their blobs are
     * read from the pack headers ({@link IndexRecovery}), because a partial index would make restores miss files and
     * backups upload again what is stored. {@link #indexRecovery} tells what had to be recovered.
     */
    public synchronized void loadIndex() throws IOException {
        long started = System.nanoTime();
        List<CorruptFileException> damaged = List.copyOf(loadIndexFilesById().values());
        PackScan packs =
                new IndexRecovery(backend, key.masterKey()).addPacksFromHeaders(index, IndexRecovery.Scope.UNINDEXED);
        indexRecovery = new IndexRecoveryReport(damaged, packs);
        indexLoaded = true;
        log.debug(
                "loaded the index ({} index files) in {} ms",
                index.indexFileIds().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** What loading the index had to recover from pack headers (loading it first if needed). */
    public IndexRecoveryReport indexRecovery() throws IOException {
        ensureIndexLoaded();
        return indexRecovery;
    }

    /** Loads every index file that decodes and returns the problems of those that do not (for check). */
    public List<CorruptFileException> loadIndexSkippingDamaged() throws IOException {
        return List.copyOf(loadIndexSkippingDamagedById().values());
    }

    /**
     * {@link #loadIndexSkippingDamaged}, by the damaged files' IDs: repair deletes exactly these, never a file that
     * appeared after the listing and was not read.
     */
    public synchronized Map<Id, CorruptFileException> loadIndexSkippingDamagedById() throws IOException {
        Map<Id, CorruptFileException> damaged = loadIndexFilesById();
        indexLoaded = true;
        return damaged;
    }

    private Map<Id, CorruptFileException> loadIndexFilesById() throws IOException {
        Map<Id, CorruptFileException> damaged = new LinkedHashMap<>();
        Set<Id> known = index.indexFileIds();
        for (Id indexId : list(FileType.INDEX)) {
            if (known.contains(indexId)) {
                continue;
            }
            try {
                byte[] json = loadUnpacked(FileType.INDEX, indexId);
                index.addIndexFile(indexId, IndexFileCodec.decode("index/" + indexId, json));
            } catch (CorruptFileException e) {
                damaged.put(indexId, e);
            }
        }
        return damaged;
    }

    private synchronized void ensureIndexLoaded() throws IOException {
        if (!indexLoaded) {
            loadIndex();
        }
    }

    /** Stores a blob unless the repository already has it; returns its ID, the SHA-256 of the plaintext. */
    public Id saveBlob(BlobType type, byte[] plaintext) throws IOException {
        return saveBlob(type, plaintext, 0, plaintext.length);
    }

    /** Stores {@code buffer[offset..offset+length)} as a blob unless the repository already has it. */
    public Id saveBlob(BlobType type, byte[] buffer, int offset, int length) throws IOException {
        ensureIndexLoaded();
        Id id = Id.hash(buffer, offset, length);
        BlobHandle handle = new BlobHandle(id, type);
        if (index.has(handle) || !blobsInPendingPacks.add(handle)) {
            blobsDeduplicated.increment();
            return id;
        }
        try {
            byte[] payload = buffer;
            int payloadOffset = offset;
            int payloadLength = length;
            int uncompressedLength = 0;
            // An empty blob must never be marked compressed: restic reads uncompressed_length 0 as "not compressed".
            if (config.supportsCompression() && length > 0) {
                byte[] compressed = BlobBuffers.forThisThread().compressed(length);
                int level = settings.compressionLevel();
                int frameLength = Compression.probablyIncompressible(buffer, offset, length, compressed, level)
                        ? -1
                        : Compression.compressInto(buffer, offset, length, compressed, 0, length - 1, level);
                if (frameLength > 0) {
                    payload = compressed;
                    payloadOffset = 0;
                    payloadLength = frameLength;
                    uncompressedLength = length;
                }
            }
            int sealedLength = MasterKey.sealedLength(payloadLength);
            uploader.add(handle, sealedLength, uncompressedLength, sealer(payload, payloadOffset, payloadLength));
            blobsAdded.increment();
            plaintextBytesAdded.add(length);
            storedBytesAdded.add(sealedLength);
            return id;
        } catch (IOException | RuntimeException e) {
            blobsInPendingPacks.remove(handle);
            throw e;
        }
    }

    /** Seals the payload straight into the room its pack reserved for it. */
    private Packer.SlotWriter sealer(byte[] payload, int offset, int length) {
        return (target, at) -> key.masterKey().sealInto(payload, offset, length, target, at, settings.random());
    }

    /** Whether the repository has the blob, or has it queued in a pack that is being stored. */
    public boolean hasBlob(BlobHandle handle) throws IOException {
        return index().has(handle) || blobsInPendingPacks.contains(handle);
    }

    /**
     * Loads, verifies and decompresses a blob. If a copy is damaged and another pack holds the blob too, the other
     * copy is used.
     *
     * @throws BlobNotFoundException if the index does not know the blob
     * @throws CorruptBlobException if every copy is damaged
     */
    public byte[] loadBlob(BlobHandle handle) throws IOException {
        List<PackedBlob> copies = index().lookupAll(handle);
        if (copies.isEmpty()) {
            throw new BlobNotFoundException(handle);
        }
        CorruptBlobException firstDamage = null;
        for (PackedBlob copy : copies) {
            try {
                return loadBlob(copy);
            } catch (CorruptBlobException e) {
                if (firstDamage == null) {
                    firstDamage = e;
                }
            }
        }
        throw firstDamage;
    }

    /** Loads, verifies and decompresses the blob at this place. */
    public byte[] loadBlob(PackedBlob location) throws IOException {
        byte[] sealed = backend.load(
                FileHandle.of(FileType.PACK, location.packId()),
                location.blob().offset(),
                location.blob().length());
        return PackFile.decodeBlob(key.masterKey(), location.packId(), location.blob(), sealed, 0);
    }

    /** Current counters of {@link #saveBlob}. */
    public BlobStatistics statistics() {
        return new BlobStatistics(
                blobsAdded.sum(), blobsDeduplicated.sum(), plaintextBytesAdded.sum(), storedBytesAdded.sum());
    }

    /**
     * Stores every pending pack, then an index file listing them. Call before saving a snapshot that refers to
     * blobs saved since the last flush.
     *
     * @return the IDs of the index files written (none if nothing was pending)
     */
    public List<Id> flush() throws IOException {
        ensureIndexLoaded();
        uploader.flush();
        return writeIndexOfUnsavedPacks();
    }

    private List<Id> writeIndexOfUnsavedPacks() throws IOException {
        synchronized (indexWriter) {
            List<Id> written = new ArrayList<>();
            for (IndexContent content : split(index.unsavedPacks(), List.of())) {
                Id indexId = saveUnpacked(FileType.INDEX, IndexFileCodec.encode(content));
                index.addIndexFile(indexId, content);
                written.add(indexId);
            }
            lastIndexWrite = settings.clock().instant();
            return written;
        }
    }

    /**
     * Replaces all index files by new ones describing exactly the packs the master index holds now (after prune
     * removed packs from it). The new files are written before the old ones are deleted.
     *
     * @return the new index files
     */
    public List<Id> rewriteIndex() throws IOException {
        flush();
        Set<Id> old = index.indexFileIds();
        List<IndexedPack> packs = new ArrayList<>();
        for (Map.Entry<Id, List<PackBlob>> pack : index.blobsByPack().entrySet()) {
            packs.add(new IndexedPack(pack.getKey(), pack.getValue()));
        }
        List<Id> written = new ArrayList<>();
        for (IndexContent content : split(packs, List.copyOf(old))) {
            written.add(saveUnpacked(FileType.INDEX, IndexFileCodec.encode(content)));
        }
        index.replaceIndexFiles(old, written);
        for (Id superseded : old) {
            backend.delete(FileHandle.of(FileType.INDEX, superseded));
        }
        return written;
    }

    private static List<IndexContent> split(List<IndexedPack> packs, List<Id> supersedes) {
        List<IndexContent> files = new ArrayList<>();
        List<IndexedPack> current = new ArrayList<>();
        int blobs = 0;
        for (IndexedPack pack : packs) {
            if (!current.isEmpty() && blobs + pack.blobs().size() > MAX_BLOBS_PER_INDEX_FILE) {
                files.add(new IndexContent(supersedes, current));
                current = new ArrayList<>();
                blobs = 0;
            }
            current.add(pack);
            blobs += pack.blobs().size();
        }
        if (!current.isEmpty() || (packs.isEmpty() && !supersedes.isEmpty())) {
            files.add(new IndexContent(supersedes, current));
        }
        return files;
    }

    /**
     * Encrypts and stores a snapshot, index or lock file; v2 repositories store {@code 0x02 || zstd(json)}.
     *
     * @return the file's ID, the SHA-256 of the stored bytes
     */
    public Id saveUnpacked(FileType type, byte[] json) throws IOException {
        if (type == FileType.CONFIG || type == FileType.PACK || type == FileType.KEY) {
            throw new IllegalArgumentException(type + " files are not stored as unpacked files");
        }
        byte[] payload = json;
        if (config.supportsCompression()) {
            byte[] compressed = Compression.compress(json, 0, json.length, settings.compressionLevel());
            payload = new byte[compressed.length + 1];
            payload[0] = COMPRESSED_PAYLOAD;
            System.arraycopy(compressed, 0, payload, 1, compressed.length);
        }
        byte[] sealed = key.masterKey().seal(payload, settings.random());
        Id id = Id.hash(sealed);
        backend.save(FileHandle.of(type, id), sealed);
        return id;
    }

    /**
     * Loads, verifies (name = hash, MAC) and decodes a snapshot, index or lock file; returns its JSON.
     *
     * @throws CorruptFileException if any check fails
     */
    public byte[] loadUnpacked(FileType type, Id id) throws IOException {
        FileHandle handle = FileHandle.of(type, id);
        byte[] stored = backend.loadAll(handle);
        Id actual = Id.hash(stored);
        if (!actual.equals(id)) {
            throw new CorruptFileException(handle.toString(), "content hashes to " + actual);
        }
        byte[] payload;
        try {
            payload = key.masterKey().open(stored);
        } catch (CiphertextVerificationException e) {
            throw new CorruptFileException(handle.toString(), e.getMessage(), e);
        }
        if (!config.supportsCompression() || payload.length == 0 || payload[0] == '{' || payload[0] == '[') {
            return payload;
        }
        if (payload[0] != COMPRESSED_PAYLOAD) {
            throw new CorruptFileException(
                    handle.toString(), "unsupported encoding format " + (payload[0] & 0xff) + " (expected JSON or 2)");
        }
        try {
            return Compression.decompressUnknownSize(payload, 1, payload.length - 1, MAX_UNPACKED_SIZE);
        } catch (DataFormatException e) {
            throw new CorruptFileException(handle.toString(), e.getMessage(), e);
        }
    }

    /** The IDs of all files of a type. */
    public List<Id> list(FileType type) throws IOException {
        if (type == FileType.CONFIG) {
            throw new IllegalArgumentException("config has no ID");
        }
        List<Id> ids = new ArrayList<>();
        for (FileInfo file : backend.list(type)) {
            ids.add(file.handle().id());
        }
        return ids;
    }

    /**
     * Waits for uploads already started, then releases the backend. Blobs still in open packs are dropped: call
     * {@link #flush} first to keep them.
     */
    @Override
    public void close() throws IOException {
        try {
            uploader.awaitUploads();
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
        }
        backend.close();
    }
}
