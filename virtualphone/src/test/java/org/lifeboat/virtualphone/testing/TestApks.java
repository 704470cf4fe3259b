package org.lifeboat.virtualphone.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds tiny APK zips whose AndroidManifest.xml is real binary XML (UTF-16 string pool). */
public final class TestApks {
    private static final int TYPE_STRING = 0x03;
    private static final int TYPE_INT_DEC = 0x10;

    private TestApks() {}

    public static byte[] base(String pkg, int versionCode, String versionName, int targetSdk) {
        return zip(manifest(pkg, versionCode, versionName, null, 21, targetSdk));
    }

    public static byte[] split(String pkg, int versionCode, String splitName) {
        return zip(manifest(pkg, versionCode, null, splitName, 21, 34));
    }

    private static byte[] zip(byte[] manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("AndroidManifest.xml"));
            zip.write(manifest);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("classes.dex"));
            zip.write("dex\n035\0".getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Strings 0-3 are the android: attribute names, mapped to their resource ids. */
    public static byte[] manifest(
            String pkg, int versionCode, String versionName, String split, int minSdk, int targetSdk) {
        List<String> strings = new ArrayList<>(List.of(
                "versionCode",
                "versionName",
                "minSdkVersion",
                "targetSdkVersion",
                "package",
                "split",
                "manifest",
                "uses-sdk",
                pkg,
                versionName == null ? "" : versionName,
                split == null ? "" : split));
        int[] resourceIds = {0x0101021b, 0x0101021c, 0x0101020c, 0x01010270};
        List<int[]> manifestAttrs = new ArrayList<>();
        manifestAttrs.add(new int[] {0, -1, TYPE_INT_DEC, versionCode});
        if (versionName != null) {
            manifestAttrs.add(new int[] {1, 9, TYPE_STRING, 9});
        }
        manifestAttrs.add(new int[] {4, 8, TYPE_STRING, 8});
        if (split != null) {
            manifestAttrs.add(new int[] {5, 10, TYPE_STRING, 10});
        }
        List<int[]> sdkAttrs =
                List.of(new int[] {2, -1, TYPE_INT_DEC, minSdk}, new int[] {3, -1, TYPE_INT_DEC, targetSdk});
        byte[] pool = stringPool(strings);
        byte[] map = resourceMap(resourceIds);
        byte[] manifest = element(6, manifestAttrs);
        byte[] usesSdk = element(7, sdkAttrs);
        int size = 8 + pool.length + map.length + manifest.length + usesSdk.length;
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0x0003).putShort((short) 8).putInt(size);
        out.put(pool).put(map).put(manifest).put(usesSdk);
        return out.array();
    }

    private static byte[] stringPool(List<String> strings) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] offsets = new int[strings.size()];
        for (int i = 0; i < strings.size(); i++) {
            offsets[i] = data.size();
            byte[] utf16 = strings.get(i).getBytes(StandardCharsets.UTF_16LE);
            data.write(strings.get(i).length() & 0xff);
            data.write(strings.get(i).length() >> 8);
            data.writeBytes(utf16);
            data.write(0);
            data.write(0);
        }
        while (data.size() % 4 != 0) {
            data.write(0);
        }
        int headerSize = 28;
        int stringsStart = headerSize + 4 * strings.size();
        int size = stringsStart + data.size();
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0x0001).putShort((short) headerSize).putInt(size);
        out.putInt(strings.size()).putInt(0).putInt(0).putInt(stringsStart).putInt(0);
        for (int offset : offsets) {
            out.putInt(offset);
        }
        out.put(data.toByteArray());
        return out.array();
    }

    private static byte[] resourceMap(int[] ids) {
        ByteBuffer out = ByteBuffer.allocate(8 + 4 * ids.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0x0180).putShort((short) 8).putInt(8 + 4 * ids.length);
        for (int id : ids) {
            out.putInt(id);
        }
        return out.array();
    }

    /** attrs: {nameIndex, rawValueIndex, dataType, data} */
    private static byte[] element(int nameIndex, List<int[]> attrs) {
        int size = 16 + 20 + 20 * attrs.size();
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0x0102).putShort((short) 16).putInt(size).putInt(1).putInt(-1);
        out.putInt(-1)
                .putInt(nameIndex)
                .putShort((short) 20)
                .putShort((short) 20)
                .putShort((short) attrs.size())
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0);
        for (int[] a : attrs) {
            out.putInt(-1)
                    .putInt(a[0])
                    .putInt(a[1])
                    .putShort((short) 8)
                    .put((byte) 0)
                    .put((byte) a[2])
                    .putInt(a[3]);
        }
        return out.array();
    }
}
