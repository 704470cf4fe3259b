package org.lifeboat.virtualphone.provider.android;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lifeboat.virtualphone.provider.Caller;
import org.lifeboat.virtualphone.provider.ContentUri;
import org.lifeboat.virtualphone.provider.DeviceEnvironment;
import org.lifeboat.virtualphone.provider.ProviderException;
import org.lifeboat.virtualphone.provider.SharedStorage;
import org.lifeboat.virtualphone.provider.sql.Expression;
import org.lifeboat.virtualphone.provider.sql.QueryResult;
import org.lifeboat.virtualphone.provider.store.Table;

/**
 * {@code content://media}: the part of MediaProvider that restores depend on, the files table filled by scans.
 * Scans come from {@code content call --method scan_file|scan_volume} (MediaProvider.call, API 30+) and from the
 * MEDIA_SCANNER_SCAN_FILE broadcast (MediaService.onScanFile, all versions).
 */
final class MediaProvider extends TableProvider {
    static final String COLUMNS = "_id INTEGER PRIMARY KEY, _data TEXT, _size INTEGER, _display_name TEXT,"
            + " mime_type TEXT, media_type INTEGER DEFAULT 0, date_added INTEGER, date_modified INTEGER,"
            + " relative_path TEXT, volume_name TEXT";
    static final String PRIMARY_STORAGE = "/storage/emulated/0";
    /** ModernMediaScanner.reconcileAndClean's dataClause for the volume's root (which has no LIKE wildcards). */
    private static final Expression IN_PRIMARY_STORAGE = where(
            "(_data LIKE '" + PRIMARY_STORAGE + "/%' ESCAPE '\\' OR _data LIKE '" + PRIMARY_STORAGE + "' ESCAPE '\\')");

    private static final Map<String, Long> MEDIA_TYPES = Map.of("images", 1L, "audio", 2L, "video", 3L);
    private static final Map<String, String> MIME_TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("heic", "image/heif"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("3gp", "video/3gpp"),
            Map.entry("mkv", "video/x-matroska"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain"),
            Map.entry("vcf", "text/x-vcard"));

    private final Table files;
    private final SharedStorage storage;

    MediaProvider(DeviceEnvironment environment, Path stateFile, Table files, SharedStorage storage) {
        super(environment, stateFile, List.of(files));
        this.files = files;
        this.storage = storage;
    }

    @Override
    public void checkOpen(Caller caller) {
        // The shell holds READ/WRITE_EXTERNAL_STORAGE and WRITE_MEDIA_STORAGE.
    }

    @Override
    public synchronized QueryResult query(
            Caller caller, ContentUri uri, List<String> projection, String selection, String sortOrder) {
        return select(files.relation(), projection, false, route(uri), selection, sortOrder);
    }

    /** {@code <volume>/file[/id]} and {@code <volume>/{images,audio,video}/media[/id]}. */
    private static Expression route(ContentUri uri) {
        List<String> path = uri.path();
        if (path.size() >= 2 && path.get(1).equals("file")) {
            return path.size() == 3 ? equalTo("_id", id(uri, 2)) : null;
        }
        if (path.size() >= 3
                && MEDIA_TYPES.containsKey(path.get(1))
                && path.get(2).equals("media")) {
            Expression type = equalTo("media_type", MEDIA_TYPES.get(path.get(1)));
            return path.size() == 4 ? Expression.and(type, equalTo("_id", id(uri, 3))) : type;
        }
        throw ProviderException.illegalArgument("Unknown URL " + uri);
    }

    @Override
    public void insert(Caller caller, ContentUri uri, Map<String, Object> values) {
        throw ProviderException.unsupported("Inserting media rows is not offered by the virtual phone: " + uri);
    }

    @Override
    public synchronized int update(Caller caller, ContentUri uri, Map<String, Object> values, String selection) {
        return updateRows(files, route(uri), selection, values);
    }

    @Override
    public synchronized int delete(Caller caller, ContentUri uri, String selection) {
        return deleteRows(files, route(uri), selection);
    }

    /**
     * MediaStore.SCAN_FILE_CALL and SCAN_VOLUME_CALL. Android 10 expects the path as a Parcelable Uri extra,
     * which {@code content call} cannot pass, so the call fails there; earlier versions have no such method.
     */
    @Override
    public synchronized Map<String, Object> call(Caller caller, String method, String arg, Map<String, Object> extras) {
        boolean scanMethod = method.equals("scan_file") || method.equals("scan_volume");
        if (!scanMethod || environment.apiLevel() < 29) {
            return null;
        }
        if (environment.apiLevel() == 29 || arg == null) {
            throw ProviderException.nullPointer(
                    "Attempt to invoke virtual method 'java.lang.String android.net.Uri.getPath()' on a null object"
                            + " reference");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (method.equals("scan_file")) {
            result.put("android.intent.extra.STREAM", scanFile(arg));
        } else if (arg.equals("external_primary") || arg.equals("external")) {
            // ModernMediaScanner collects its row operations and applies them with applyBatch every BATCH_SIZE (32)
            // files, and finds existing rows through the files table's index on _data: so a volume scan costs a few
            // transactions and one lookup per file, not a state save and a table walk per file.
            savingOnce(this::scanVolume);
        } else {
            throw ProviderException.illegalArgument("Volume " + arg + " not found");
        }
        return result;
    }

    /** Scans one file: adds or refreshes its row, or drops it when the file is gone. @return the row's URI */
    synchronized String scanFile(String devicePath) {
        String path = storage.canonicalPath(devicePath);
        var info = storage.stat(path);
        if (info.isEmpty()) {
            deleteRows(files, equalTo("_data", path), null);
            return null;
        }
        List<Integer> existing = matching(files, equalTo("_data", path), null);
        return fileUri(scanExisting(path, info.get(), existing.isEmpty() ? -1 : existing.getFirst()));
    }

    /**
     * ModernMediaScanner.Scan.run on a volume: walkFileTree adds or refreshes a row per file and records the ids it
     * visited, then reconcileAndClean deletes every other row whose {@code _data} lies under the volume's root, so
     * rows of files deleted or moved since the last scan vanish (MediaProvider
     * src/com/android/providers/media/scan/ModernMediaScanner.java). Rows elsewhere are left alone.
     */
    private void scanVolume() {
        Map<String, Integer> rowsByPath = rowsByPath();
        Set<Long> scannedIds = new HashSet<>();
        for (SharedStorage.FileInfo file : storage.walk(PRIMARY_STORAGE)) {
            long id = scanWalked(file.devicePath(), rowsByPath);
            if (id >= 0) {
                scannedIds.add(id);
            }
        }
        List<Integer> vanished = new ArrayList<>();
        for (int row : matching(files, IN_PRIMARY_STORAGE, null)) {
            if (!scannedIds.contains((Long) files.get(row, "_id"))) {
                vanished.add(row);
            }
        }
        files.delete(vanished);
    }

    /**
     * Scans a file the walk of a volume found, with {@code rowsByPath} (updated here) as the path index.
     *
     * @return the row's id, or -1 when the file is no longer there
     */
    private long scanWalked(String devicePath, Map<String, Integer> rowsByPath) {
        String path = storage.canonicalPath(devicePath);
        var info = storage.stat(path);
        if (info.isEmpty()) {
            return -1;
        }
        int row = rowsByPath.getOrDefault(path, -1);
        long id = scanExisting(path, info.get(), row);
        if (row < 0) {
            rowsByPath.put(path, files.size() - 1);
        }
        return id;
    }

    private Map<String, Integer> rowsByPath() {
        Map<String, Integer> rows = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i, "_data") instanceof String path) {
                rows.putIfAbsent(path, i);
            }
        }
        return rows;
    }

    private static String fileUri(long id) {
        return "content://media/external_primary/file/" + id;
    }

    /**
     * Writes the row for the file at {@code path}: a new one, or the one at index {@code existing}.
     *
     * @return the row's id
     */
    private long scanExisting(String path, SharedStorage.FileInfo info, int existing) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String mimeType = MIME_TYPES.get(extension);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("_data", path);
        row.put("_size", info.size());
        row.put("_display_name", name);
        row.put("mime_type", mimeType);
        row.put("media_type", mediaType(mimeType));
        row.put("date_modified", info.modifiedEpochSeconds());
        row.put("relative_path", relativePath(path));
        row.put("volume_name", "external_primary");
        if (existing < 0) {
            row.put("date_added", environment.clock().millis() / 1000);
            return insertRow(files, row);
        }
        files.update(List.of(existing), row);
        persist();
        return (Long) files.get(existing, "_id");
    }

    private static long mediaType(String mimeType) {
        if (mimeType == null) {
            return 0;
        }
        return mimeType.startsWith("image/")
                ? 1
                : mimeType.startsWith("audio/") ? 2 : mimeType.startsWith("video/") ? 3 : 0;
    }

    private static String relativePath(String path) {
        String below = path.startsWith(PRIMARY_STORAGE + "/") ? path.substring(PRIMARY_STORAGE.length() + 1) : path;
        int slash = below.lastIndexOf('/');
        return slash < 0 ? null : below.substring(0, slash + 1);
    }
}
