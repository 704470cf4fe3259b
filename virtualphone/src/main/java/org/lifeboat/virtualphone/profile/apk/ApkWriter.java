package org.lifeboat.virtualphone.profile.apk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs an APK: a zip whose first entry is the binary AndroidManifest.xml, followed by the given files stored
 * uncompressed (as aapt2 stores resources.arsc, native libraries and already-compressed assets). The APK is not
 * signed.
 */
public final class ApkWriter {
    public static final String MANIFEST_ENTRY = "AndroidManifest.xml";

    /**
     * The fixed entry time of Android's platform build (build/soong jar.DefaultTime, 2008-01-01 00:00:00), so
     * identical inputs give identical APK bytes whatever the host's clock or time zone.
     */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2008, 1, 1, 0, 0, 0);

    private ApkWriter() {}

    /** @param files zip entry name to content; written in name order after the manifest */
    public static byte[] write(ApkManifest manifest, Map<String, byte[]> files) {
        if (files.containsKey(MANIFEST_ENTRY)) {
            throw new IllegalArgumentException(MANIFEST_ENTRY + " is generated from the manifest; do not pass it");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry manifestEntry = new ZipEntry(MANIFEST_ENTRY);
            manifestEntry.setTimeLocal(ENTRY_TIME);
            zip.putNextEntry(manifestEntry);
            zip.write(AxmlWriter.write(manifest.toXml()));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                zip.putNextEntry(stored(file.getKey(), file.getValue()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing an in-memory zip failed", e);
        }
        return bytes.toByteArray();
    }

    private static ZipEntry stored(String name, byte[] content) {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }
}
