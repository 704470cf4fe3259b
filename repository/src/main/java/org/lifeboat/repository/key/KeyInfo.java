package org.lifeboat.repository.key;

import java.time.Instant;
import java.util.Objects;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.crypto.ScryptParams;

/** What {@code key list} shows about one key file; the secret parts stay inside. */
public record KeyInfo(Id id, Instant created, String username, String hostname, ScryptParams params) {
    public KeyInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(params, "params");
    }
}
