package org.lifeboat.repository.index;

import java.util.Objects;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.pack.PackBlob;

/** Where the index says a blob lives: which pack, and where inside it. */
public record PackedBlob(Id packId, PackBlob blob) {
    public PackedBlob {
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(blob, "blob");
    }

    public BlobHandle handle() {
        return blob.handle();
    }
}
