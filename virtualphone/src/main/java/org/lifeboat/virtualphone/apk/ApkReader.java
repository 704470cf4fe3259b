package org.lifeboat.virtualphone.apk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads package name, version and split name from an APK's binary XML manifest (AXML), the chunk format of
 * frameworks/base libs/androidfw ResourceTypes.h: a string pool, a resource map, then start-element chunks whose
 * attributes carry typed values.
 */
public final class ApkReader {
    private static final int RES_STRING_POOL_TYPE = 0x0001;
    private static final int RES_XML_TYPE = 0x0003;
    private static final int RES_XML_START_ELEMENT_TYPE = 0x0102;
    private static final int RES_XML_RESOURCE_MAP_TYPE = 0x0180;
    private static final int UTF8_FLAG = 1 << 8;
    private static final int TYPE_STRING = 0x03;
    private static final int TYPE_FIRST_INT = 0x10;
    private static final int TYPE_LAST_INT = 0x1f;
    /** android.R.attr ids, so attributes are found even when a tool strips their names. */
    private static final int ATTR_VERSION_CODE = 0x0101021b;

    private static final int ATTR_VERSION_NAME = 0x0101021c;
    private static final int ATTR_MIN_SDK = 0x0101020c;
    private static final int ATTR_TARGET_SDK = 0x01010270;
    private static final long MAX_MANIFEST_BYTES = 8L * 1024 * 1024;

    private ApkReader() {}

    public static ApkInfo read(Path apk) throws InvalidApkException, IOException {
        byte[] manifest;
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            ZipEntry entry = zip.getEntry("AndroidManifest.xml");
            if (entry == null) {
                throw new InvalidApkException("no AndroidManifest.xml in the APK");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = in.readNBytes((int) MAX_MANIFEST_BYTES);
            }
        } catch (ZipException e) {
            throw new InvalidApkException("not a zip archive");
        }
        return parseManifest(manifest);
    }

    /** Parses binary AndroidManifest.xml bytes. */
    public static ApkInfo parseManifest(byte[] axml) throws InvalidApkException {
        try {
            return new Parse(ByteBuffer.wrap(axml).order(ByteOrder.LITTLE_ENDIAN)).run();
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new InvalidApkException("AndroidManifest.xml is not valid binary XML");
        }
    }

    private static final class Parse {
        private final ByteBuffer buf;
        private final List<String> strings = new ArrayList<>();
        private int[] resourceIds = new int[0];
        private String packageName;
        private Long versionCode;
        private String versionName;
        private String split;
        private Integer minSdk;
        private Integer targetSdk;

        Parse(ByteBuffer buf) {
            this.buf = buf;
        }

        ApkInfo run() throws InvalidApkException {
            if (buf.getShort(0) != RES_XML_TYPE) {
                throw new InvalidApkException("AndroidManifest.xml is not binary XML (was the APK built by aapt?)");
            }
            int offset = buf.getShort(2) & 0xffff;
            int end = Math.min(buf.getInt(4), buf.limit());
            while (offset + 8 <= end) {
                int type = buf.getShort(offset) & 0xffff;
                int size = buf.getInt(offset + 4);
                if (size < 8 || offset + size > end) {
                    throw new IllegalArgumentException("bad chunk size");
                }
                switch (type) {
                    case RES_STRING_POOL_TYPE -> readStringPool(offset);
                    case RES_XML_RESOURCE_MAP_TYPE -> readResourceMap(offset, size);
                    case RES_XML_START_ELEMENT_TYPE -> readElement(offset);
                    default -> {}
                }
                offset += size;
            }
            if (packageName == null || packageName.isEmpty()) {
                throw new InvalidApkException("the manifest has no package attribute");
            }
            if (versionCode == null) {
                throw new InvalidApkException("the manifest has no android:versionCode");
            }
            int min = minSdk == null ? 1 : minSdk;
            return new ApkInfo(
                    packageName,
                    versionCode,
                    Optional.ofNullable(versionName),
                    Optional.ofNullable(split),
                    min,
                    targetSdk == null ? min : targetSdk);
        }

        private void readStringPool(int chunk) {
            int headerSize = buf.getShort(chunk + 2) & 0xffff;
            int count = buf.getInt(chunk + 8);
            int flags = buf.getInt(chunk + 16);
            int stringsStart = chunk + buf.getInt(chunk + 20);
            boolean utf8 = (flags & UTF8_FLAG) != 0;
            for (int i = 0; i < count; i++) {
                int at = stringsStart + buf.getInt(chunk + headerSize + 4 * i);
                strings.add(utf8 ? utf8String(at) : utf16String(at));
            }
        }

        private String utf8String(int at) {
            int pos = at;
            pos += (buf.get(pos) & 0x80) != 0 ? 2 : 1; // length in UTF-16 units, skipped
            int length = buf.get(pos) & 0xff;
            if ((length & 0x80) != 0) {
                length = ((length & 0x7f) << 8) | (buf.get(pos + 1) & 0xff);
                pos += 2;
            } else {
                pos += 1;
            }
            byte[] bytes = new byte[length];
            buf.get(pos, bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private String utf16String(int at) {
            int length = buf.getShort(at) & 0xffff;
            int pos = at + 2;
            if ((length & 0x8000) != 0) {
                length = ((length & 0x7fff) << 16) | (buf.getShort(pos) & 0xffff);
                pos += 2;
            }
            byte[] bytes = new byte[length * 2];
            buf.get(pos, bytes);
            return new String(bytes, StandardCharsets.UTF_16LE);
        }

        private void readResourceMap(int chunk, int size) {
            int headerSize = buf.getShort(chunk + 2) & 0xffff;
            resourceIds = new int[(size - headerSize) / 4];
            for (int i = 0; i < resourceIds.length; i++) {
                resourceIds[i] = buf.getInt(chunk + headerSize + 4 * i);
            }
        }

        private void readElement(int chunk) {
            int ext = chunk + (buf.getShort(chunk + 2) & 0xffff);
            String element = string(buf.getInt(ext + 4));
            if (!element.equals("manifest") && !element.equals("uses-sdk")) {
                return;
            }
            int attributeStart = buf.getShort(ext + 8) & 0xffff;
            int attributeSize = buf.getShort(ext + 10) & 0xffff;
            int attributeCount = buf.getShort(ext + 12) & 0xffff;
            for (int i = 0; i < attributeCount; i++) {
                int at = ext + attributeStart + i * attributeSize;
                int nameIndex = buf.getInt(at + 4);
                int rawValue = buf.getInt(at + 8);
                int dataType = buf.get(at + 15) & 0xff;
                int data = buf.getInt(at + 16);
                String name = string(nameIndex);
                int resourceId = nameIndex >= 0 && nameIndex < resourceIds.length ? resourceIds[nameIndex] : 0;
                String text = dataType == TYPE_STRING ? string(data) : rawValue >= 0 ? string(rawValue) : null;
                Integer number = dataType >= TYPE_FIRST_INT && dataType <= TYPE_LAST_INT ? data : null;
                if (element.equals("manifest")) {
                    manifestAttribute(name, resourceId, text, number);
                } else if (resourceId == ATTR_MIN_SDK || name.equals("minSdkVersion")) {
                    minSdk = number != null ? number : parseInt(text);
                } else if (resourceId == ATTR_TARGET_SDK || name.equals("targetSdkVersion")) {
                    targetSdk = number != null ? number : parseInt(text);
                }
            }
        }

        private void manifestAttribute(String name, int resourceId, String text, Integer number) {
            if (resourceId == ATTR_VERSION_CODE || name.equals("versionCode")) {
                versionCode = number != null ? Integer.toUnsignedLong(number) : (long) parseInt(text);
            } else if (resourceId == ATTR_VERSION_NAME || name.equals("versionName")) {
                versionName = text != null ? text : String.valueOf(number);
            } else if (resourceId == 0 && name.equals("package")) {
                packageName = text;
            } else if (resourceId == 0 && name.equals("split")) {
                split = text;
            }
        }

        private static Integer parseInt(String text) {
            if (text == null) {
                return null;
            }
            return Integer.parseInt(text.trim());
        }

        private String string(int index) {
            return index >= 0 && index < strings.size() ? strings.get(index) : "";
        }
    }
}
