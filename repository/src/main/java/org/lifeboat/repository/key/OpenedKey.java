package org.lifeboat.repository.key;

import java.util.Objects;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.crypto.MasterKey;

/** The master key, and the key file whose password unlocked it. */
public record OpenedKey(Id keyId, MasterKey masterKey) {
    public OpenedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(masterKey, "masterKey");
    }
}
