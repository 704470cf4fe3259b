package org.lifeboat.android.format.sbr;

import java.io.IOException;
import java.util.Optional;
import org.lifeboat.android.content.ProviderValue;

/** The bytes of MMS part files ({@code content read --uri content://mms/part/<id>}), looked up by part {@code _id}. */
@FunctionalInterface
public interface PartDataSource {

    PartDataSource NONE = partId -> Optional.empty();

    Optional<ProviderValue.Blob> partData(long partId) throws IOException;
}
