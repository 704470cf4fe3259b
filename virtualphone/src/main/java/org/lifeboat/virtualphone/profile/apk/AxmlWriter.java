package org.lifeboat.virtualphone.profile.apk;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Android's binary XML ("AXML", the format of AndroidManifest.xml inside an APK) as defined by
 * frameworks/base libs/androidfw/include/androidfw/ResourceTypes.h: an RES_XML_TYPE chunk holding a UTF-16 string
 * pool, a resource map for the android-namespace attribute names, and start/end namespace and element chunks.
 * Attributes are ordered as aapt2's XmlFlattener orders them: framework attributes by resource id, then the rest by
 * name.
 */
public final class AxmlWriter {
    static final int RES_STRING_POOL_TYPE = 0x0001;
    static final int RES_XML_TYPE = 0x0003;
    static final int RES_XML_START_NAMESPACE_TYPE = 0x0100;
    static final int RES_XML_END_NAMESPACE_TYPE = 0x0101;
    static final int RES_XML_START_ELEMENT_TYPE = 0x0102;
    static final int RES_XML_END_ELEMENT_TYPE = 0x0103;
    static final int RES_XML_RESOURCE_MAP_TYPE = 0x0180;

    static final int TYPE_STRING = 0x03;
    static final int TYPE_INT_DEC = 0x10;
    static final int TYPE_INT_BOOLEAN = 0x12;

    private static final int NO_INDEX = -1;
    private static final String ANDROID_PREFIX = "android";
    private static final Comparator<XmlAttribute> AAPT2_ORDER = Comparator.comparing(
                    (XmlAttribute a) -> !a.inAndroidNamespace())
            .thenComparingInt(XmlAttribute::resourceId)
            .thenComparing(XmlAttribute::name);

    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private final List<Integer> resourceIds = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int lineNumber = 1;

    private AxmlWriter() {}

    /** The binary form of the document whose root is {@code root}, declaring the android namespace on it. */
    public static byte[] write(XmlElement root) {
        AxmlWriter writer = new AxmlWriter();
        writer.internAttributeNames(root);
        writer.namespace(RES_XML_START_NAMESPACE_TYPE);
        writer.element(root);
        writer.namespace(RES_XML_END_NAMESPACE_TYPE);
        return writer.document();
    }

    /** Resource-mapped names must occupy the first string-pool slots, in resource-map order. */
    private void internAttributeNames(XmlElement element) {
        for (XmlAttribute attribute : element.attributes()) {
            if (attribute.inAndroidNamespace() && !strings.containsKey(attribute.name())) {
                strings.put(attribute.name(), strings.size());
                resourceIds.add(attribute.resourceId());
            }
        }
        element.children().forEach(this::internAttributeNames);
    }

    private int intern(String value) {
        return strings.computeIfAbsent(value, v -> strings.size());
    }

    private void namespace(int type) {
        ByteBuffer chunk = chunk(type, 0x10, 0x18);
        chunk.putInt(lineNumber)
                .putInt(NO_INDEX)
                .putInt(intern(ANDROID_PREFIX))
                .putInt(intern(XmlAttribute.ANDROID_NAMESPACE));
        body.writeBytes(chunk.array());
    }

    private void element(XmlElement element) {
        List<XmlAttribute> attributes =
                element.attributes().stream().sorted(AAPT2_ORDER).toList();
        ByteBuffer start = chunk(RES_XML_START_ELEMENT_TYPE, 0x10, 0x10 + 20 + 20 * attributes.size());
        start.putInt(lineNumber++).putInt(NO_INDEX).putInt(NO_INDEX).putInt(intern(element.name()));
        start.putShort((short) 20).putShort((short) 20).putShort((short) attributes.size());
        start.putShort((short) 0).putShort((short) 0).putShort((short) 0); // no id/class/style attributes
        for (XmlAttribute attribute : attributes) {
            int namespace = attribute.inAndroidNamespace() ? intern(XmlAttribute.ANDROID_NAMESPACE) : NO_INDEX;
            start.putInt(namespace).putInt(intern(attribute.name()));
            switch (attribute) {
                case XmlAttribute.Text text -> {
                    int index = intern(text.value());
                    start.putInt(index)
                            .putShort((short) 8)
                            .put((byte) 0)
                            .put((byte) TYPE_STRING)
                            .putInt(index);
                }
                case XmlAttribute.Int number ->
                    start.putInt(NO_INDEX)
                            .putShort((short) 8)
                            .put((byte) 0)
                            .put((byte) TYPE_INT_DEC)
                            .putInt(number.value());
                case XmlAttribute.Bool bool ->
                    start.putInt(NO_INDEX)
                            .putShort((short) 8)
                            .put((byte) 0)
                            .put((byte) TYPE_INT_BOOLEAN)
                            .putInt(bool.value() ? -1 : 0);
            }
        }
        body.writeBytes(start.array());
        element.children().forEach(this::element);
        ByteBuffer end = chunk(RES_XML_END_ELEMENT_TYPE, 0x10, 0x18);
        end.putInt(lineNumber).putInt(NO_INDEX).putInt(NO_INDEX).putInt(intern(element.name()));
        body.writeBytes(end.array());
    }

    private byte[] document() {
        byte[] pool = stringPool();
        ByteBuffer map = chunk(RES_XML_RESOURCE_MAP_TYPE, 8, 8 + 4 * resourceIds.size());
        resourceIds.forEach(map::putInt);
        int size = 8 + pool.length + map.capacity() + body.size();
        ByteBuffer document = chunk(RES_XML_TYPE, 8, size);
        document.put(pool).put(map.array()).put(body.toByteArray());
        return document.array();
    }

    /** UTF-16 pool (flags 0): each string is a u16 length, UTF-16LE code units and a u16 NUL. */
    private byte[] stringPool() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (String value : strings.keySet()) {
            if (value.length() > 0x7FFF) {
                throw new IllegalArgumentException("binary XML string longer than 32767 UTF-16 units");
            }
            offsets.add(data.size());
            ByteBuffer encoded = ByteBuffer.allocate(2 + 2 * value.length() + 2).order(ByteOrder.LITTLE_ENDIAN);
            encoded.putShort((short) value.length());
            value.chars().forEach(c -> encoded.putShort((short) c));
            encoded.putShort((short) 0);
            data.writeBytes(encoded.array());
        }
        while (data.size() % 4 != 0) {
            data.write(0);
        }
        int headerSize = 28;
        int stringsStart = headerSize + 4 * offsets.size();
        ByteBuffer pool = chunk(RES_STRING_POOL_TYPE, headerSize, stringsStart + data.size());
        pool.putInt(offsets.size()).putInt(0).putInt(0).putInt(stringsStart).putInt(0);
        offsets.forEach(pool::putInt);
        pool.put(data.toByteArray());
        return pool.array();
    }

    private static ByteBuffer chunk(int type, int headerSize, int size) {
        return ByteBuffer.allocate(size)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) type)
                .putShort((short) headerSize)
                .putInt(size);
    }
}
