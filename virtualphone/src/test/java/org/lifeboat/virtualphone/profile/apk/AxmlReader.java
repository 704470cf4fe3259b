package org.lifeboat.virtualphone.profile.apk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only AXML parser, written from ResourceTypes.h independently of {@link AxmlWriter}: elements with their
 * attributes decoded to strings ("true"/"false" for booleans, decimal for integers), plus the resource map.
 */
final class AxmlReader {
    record Element(
            String name, Map<String, String> attributes, Map<String, Integer> attributeIds, List<Element> children) {}

    private AxmlReader() {}

    static Element parse(byte[] axml) {
        ByteBuffer in = ByteBuffer.wrap(axml).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getShort(0) != 0x0003 || in.getInt(4) != axml.length) {
            throw new IllegalArgumentException("not an RES_XML_TYPE document of " + axml.length + " bytes");
        }
        List<String> strings = new ArrayList<>();
        List<Integer> resourceIds = new ArrayList<>();
        Deque<Element> open = new ArrayDeque<>();
        Element root = null;
        int position = in.getShort(2);
        while (position < axml.length) {
            int type = in.getShort(position) & 0xFFFF;
            int headerSize = in.getShort(position + 2) & 0xFFFF;
            int size = in.getInt(position + 4);
            switch (type) {
                case 0x0001 -> {
                    int count = in.getInt(position + 8);
                    if ((in.getInt(position + 16) & 0x100) != 0) {
                        throw new IllegalArgumentException("only UTF-16 pools are expected");
                    }
                    int stringsStart = position + in.getInt(position + 20);
                    for (int i = 0; i < count; i++) {
                        int at = stringsStart + in.getInt(position + headerSize + 4 * i);
                        int length = in.getShort(at) & 0xFFFF;
                        char[] chars = new char[length];
                        for (int c = 0; c < length; c++) {
                            chars[c] = in.getChar(at + 2 + 2 * c);
                        }
                        strings.add(new String(chars));
                    }
                }
                case 0x0180 -> {
                    for (int at = position + 8; at < position + size; at += 4) {
                        resourceIds.add(in.getInt(at));
                    }
                }
                case 0x0102 -> {
                    int ext = position + headerSize;
                    String name = strings.get(in.getInt(ext + 4));
                    int attributeStart = in.getShort(ext + 8) & 0xFFFF;
                    int attributeSize = in.getShort(ext + 10) & 0xFFFF;
                    int count = in.getShort(ext + 12) & 0xFFFF;
                    Map<String, String> attributes = new LinkedHashMap<>();
                    Map<String, Integer> ids = new LinkedHashMap<>();
                    for (int i = 0; i < count; i++) {
                        int at = ext + attributeStart + i * attributeSize;
                        int nameIndex = in.getInt(at + 4);
                        String attribute = strings.get(nameIndex);
                        int dataType = in.get(at + 15) & 0xFF;
                        int data = in.getInt(at + 16);
                        attributes.put(
                                attribute,
                                switch (dataType) {
                                    case 0x03 -> strings.get(data);
                                    case 0x10 -> Integer.toString(data);
                                    case 0x12 -> data != 0 ? "true" : "false";
                                    default -> throw new IllegalArgumentException("unexpected value type " + dataType);
                                });
                        ids.put(attribute, nameIndex < resourceIds.size() ? resourceIds.get(nameIndex) : 0);
                    }
                    Element element = new Element(name, attributes, ids, new ArrayList<>());
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().children().add(element);
                    }
                    open.push(element);
                }
                case 0x0103 -> open.pop();
                case 0x0100, 0x0101 -> {}
                default -> throw new IllegalArgumentException("unexpected chunk type 0x" + Integer.toHexString(type));
            }
            position += size;
        }
        if (!open.isEmpty() || root == null) {
            throw new IllegalArgumentException("unbalanced elements");
        }
        return root;
    }
}
