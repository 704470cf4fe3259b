package org.lifeboat.virtualphone.profile.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** JPEG encoding with the JDK's ImageIO writer, and splicing an EXIF APP1 segment into the result. */
public final class Jpegs {
    private static final int SOI = 0xD8;
    private static final int APP0 = 0xE0;

    private Jpegs() {}

    /** Baseline JFIF JPEG of {@code image} at {@code quality} (0..1). */
    public static byte[] encode(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("ImageIO failed to encode an in-memory JPEG", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** PNG of {@code image}; ImageIO's PNG writer adds no timestamp chunk, so equal pixels give equal bytes. */
    public static byte[] encodePng(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("ImageIO failed to encode an in-memory PNG", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Replaces the JFIF APP0 segment of {@code jpeg} by {@code app1Segment}, so the file starts SOI, APP1 like a
     * camera JPEG (EXIF 2.32 §4.5.4: APP1 follows SOI immediately).
     */
    public static byte[] withExif(byte[] jpeg, byte[] app1Segment) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
            throw new IllegalArgumentException("not a JPEG stream: it does not start with the SOI marker FFD8");
        }
        int rest = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == APP0) {
            int app0Length = ((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF);
            rest = 4 + app0Length;
        }
        byte[] out = new byte[2 + app1Segment.length + jpeg.length - rest];
        out[0] = (byte) 0xFF;
        out[1] = (byte) SOI;
        System.arraycopy(app1Segment, 0, out, 2, app1Segment.length);
        System.arraycopy(jpeg, rest, out, 2 + app1Segment.length, jpeg.length - rest);
        return out;
    }
}
