package org.lifeboat.repository.key;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.HostIdentity;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.RepositoryException;
import org.lifeboat.repository.WrongPasswordException;
import org.lifeboat.repository.backend.Backend;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileInfo;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.crypto.CiphertextVerificationException;
import org.lifeboat.repository.crypto.KeyDerivation;
import org.lifeboat.repository.crypto.MasterKey;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.crypto.ScryptParams;
import org.lifeboat.repository.crypto.UnsupportedKeyParametersException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code keys/} folder: each file wraps the one master key under one password. */
public final class KeyStore {
    private static final Logger log = LoggerFactory.getLogger(KeyStore.class);

    private final Backend backend;
    private final SecureRandom random;
    private final Clock clock;
    private final HostIdentity identity;

    public KeyStore(Backend backend, SecureRandom random, Clock clock, HostIdentity identity) {
        this.backend = backend;
        this.random = random;
        this.clock = clock;
        this.identity = identity;
    }

    /**
     * Finds the key file this password opens.
     *
     * <p>Unlike restic, a malformed key file, or one whose scrypt parameters need more memory than this process has,
     * is skipped with a warning rather than aborting, so one damaged or hostile key cannot lock everyone out.
     *
     * @throws WrongPasswordException if no key file opens with it
     * @throws UnsupportedKeyParametersException if no key file it could try opens with it, but one it had to skip for
     *     its memory needs might
     */
    public OpenedKey open(Password password) throws IOException {
        List<FileInfo> keyFiles = backend.list(FileType.KEY);
        UnsupportedKeyParametersException firstUntried = null;
        String firstUntriedFile = null;
        int tried = 0;
        for (FileInfo file : keyFiles) {
            KeyFile keyFile;
            MasterKey userKey;
            try {
                keyFile = load(file.handle());
                long started = System.nanoTime();
                userKey = KeyDerivation.derive(password, keyFile.salt(), keyFile.params());
                log.debug(
                        "derived the key for {} in {} ms ({})",
                        file.handle(),
                        (System.nanoTime() - started) / 1_000_000,
                        keyFile.params());
            } catch (CorruptFileException e) {
                log.warn("skipping key file: {}", e.getMessage());
                continue;
            } catch (UnsupportedKeyParametersException e) {
                log.warn("skipping key file {}: {}", file.handle(), e.getMessage());
                if (firstUntried == null) {
                    firstUntried = e;
                    firstUntriedFile = file.handle().toString();
                }
                continue;
            }
            tried++;
            byte[] masterKeyJson;
            try {
                masterKeyJson = userKey.open(keyFile.sealedMasterKey());
            } catch (CiphertextVerificationException e) {
                continue; // another password's key
            }
            return new OpenedKey(
                    file.handle().id(), KeyFile.decodeMasterKey(file.handle().toString(), masterKeyJson));
        }
        if (firstUntried != null) {
            throw new UnsupportedKeyParametersException(firstUntriedFile, tried, firstUntried);
        }
        throw new WrongPasswordException(keyFiles.size());
    }

    /** Writes a new key file so that {@code password} also opens the repository; returns its ID. */
    public Id add(MasterKey masterKey, Password password, ScryptParams params) throws IOException {
        byte[] salt = new byte[KeyDerivation.SALT_LENGTH];
        random.nextBytes(salt);
        MasterKey userKey = KeyDerivation.derive(password, salt, params);
        byte[] sealed = userKey.seal(KeyFile.encodeMasterKey(masterKey), random);
        KeyFile keyFile = new KeyFile(clock.instant(), identity.username(), identity.hostname(), params, salt, sealed);
        byte[] json = keyFile.encode();
        Id id = Id.hash(json);
        backend.save(FileHandle.of(FileType.KEY, id), json);
        return id;
    }

    /** Every readable key file; unreadable ones are logged and left out. */
    public List<KeyInfo> list() throws IOException {
        List<KeyInfo> keys = new ArrayList<>();
        for (FileInfo file : backend.list(FileType.KEY)) {
            try {
                KeyFile keyFile = load(file.handle());
                keys.add(new KeyInfo(
                        file.handle().id(),
                        keyFile.created(),
                        keyFile.username(),
                        keyFile.hostname(),
                        keyFile.params()));
            } catch (CorruptFileException e) {
                log.warn("skipping key file: {}", e.getMessage());
            }
        }
        return keys;
    }

    /**
     * Deletes a key file.
     *
     * @throws RepositoryException if there is no such key, or it is the last one (the repository would be lost)
     */
    public void remove(Id keyId) throws IOException {
        FileHandle handle = FileHandle.of(FileType.KEY, keyId);
        if (!backend.exists(handle)) {
            throw new RepositoryException("there is no key " + keyId);
        }
        if (backend.list(FileType.KEY).size() <= 1) {
            throw new RepositoryException(
                    "key " + keyId + " is the only key; removing it would make the repository" + " unreadable");
        }
        backend.delete(handle);
    }

    /** Replaces the key file {@code current} by a new one for {@code newPassword}; returns the new key's ID. */
    public Id changePassword(OpenedKey current, Password newPassword, ScryptParams params) throws IOException {
        Id added = add(current.masterKey(), newPassword, params);
        backend.delete(FileHandle.of(FileType.KEY, current.keyId()));
        return added;
    }

    private KeyFile load(FileHandle handle) throws IOException {
        byte[] json;
        try {
            json = backend.loadAll(handle);
        } catch (NoSuchFileException e) {
            throw new CorruptFileException(handle.toString(), "removed while reading", e);
        }
        return KeyFile.decode(handle.toString(), json);
    }
}
