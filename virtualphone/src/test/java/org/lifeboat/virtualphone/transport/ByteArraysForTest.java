package org.lifeboat.virtualphone.transport;

import java.io.ByteArrayOutputStream;

final class ByteArraysForTest {
    private ByteArraysForTest() {}

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
