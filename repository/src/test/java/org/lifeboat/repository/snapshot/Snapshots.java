package org.lifeboat.repository.snapshot;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.lifeboat.repository.Id;

/** Builds test snapshots with predictable IDs. */
final class Snapshots {
    private Snapshots() {}

    static SavedSnapshot saved(String time, String host, List<String> tags) {
        OffsetDateTime at = OffsetDateTime.parse(time.length() > 19 ? time : time + "Z");
        Snapshot snapshot =
                new Snapshot(at, null, Id.hash(new byte[0]), List.of("/data"), host, "u", 0, 0, List.of(), tags, null);
        return new SavedSnapshot(Id.hash((time + host + tags).getBytes()), snapshot);
    }

    static SavedSnapshot saved(String time) {
        return saved(time, "h", List.of());
    }

    static OffsetDateTime utc(int year, int month, int day, int hour) {
        return OffsetDateTime.of(year, month, day, hour, 0, 0, 0, ZoneOffset.UTC);
    }
}
