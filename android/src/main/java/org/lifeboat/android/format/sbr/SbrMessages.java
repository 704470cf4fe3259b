package org.lifeboat.android.format.sbr;

import java.util.Map;
import java.util.Optional;
import org.lifeboat.android.content.ProviderValue;

/**
 * Messages read back from an SBR file. Rows get fresh {@code _id}s (SBR carries none) so that parts and addresses
 * can point at their pdu; {@code partData} holds the decoded {@code data} attributes by part {@code _id}.
 */
public record SbrMessages(MessageTables tables, Map<Long, ProviderValue.Blob> partDataById) implements PartDataSource {

    public SbrMessages {
        partDataById = Map.copyOf(partDataById);
    }

    @Override
    public Optional<ProviderValue.Blob> partData(long partId) {
        return Optional.ofNullable(partDataById.get(partId));
    }
}
