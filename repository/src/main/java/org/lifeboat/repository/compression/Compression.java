package org.lifeboat.repository.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;

/**
 * Zstandard as restic v2 uses it: one plain frame per object, no dictionary.
 *
 * <p>Frames written by restic may omit the content size, so objects of unknown size are stream-decoded.
 */
public final class Compression {
    /** zstd level 3 is what restic's default ("auto") encoder level corresponds to. */
    public static final int DEFAULT_LEVEL = 3;

    private Compression() {}

    /** One zstd frame holding {@code source[offset..offset+length)}. */
    public static byte[] compress(byte[] source, int offset, int length, int level) {
        byte[] target = new byte[(int) Zstd.compressBound(length)];
        long written = Zstd.compressByteArray(target, 0, target.length, source, offset, length, level);
        if (Zstd.isError(written)) {
            throw new IllegalStateException("zstd compression failed: " + Zstd.getErrorName(written));
        }
        return Arrays.copyOf(target, (int) written);
    }

    /**
     * Decodes a frame whose decoded size is known (a compressed blob's {@code uncompressed_length}).
     *
     * @throws DataFormatException if the frame is damaged or decodes to any other size
     */
    public static byte[] decompress(byte[] source, int offset, int length, int expectedLength)
            throws DataFormatException {
        byte[] target = new byte[expectedLength];
        long written;
        try {
            written = Zstd.decompressByteArray(target, 0, expectedLength, source, offset, length);
        } catch (ZstdException e) {
            throw dataFormat("zstd frame is damaged: " + e.getMessage(), e);
        }
        if (Zstd.isError(written)) {
            throw new DataFormatException("zstd frame is damaged: " + Zstd.getErrorName(written));
        }
        if (written != expectedLength) {
            throw new DataFormatException("zstd frame decodes to " + written + " bytes, expected " + expectedLength);
        }
        return target;
    }

    /**
     * Decodes a frame of unknown decoded size, refusing to produce more than {@code maxLength} bytes.
     *
     * @throws DataFormatException if the frame is damaged, truncated or too large
     */
    public static byte[] decompressUnknownSize(byte[] source, int offset, int length, int maxLength)
            throws DataFormatException {
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(source, offset, length))) {
            byte[] decoded = in.readNBytes(maxLength);
            if (decoded.length == maxLength && in.read() >= 0) {
                throw new DataFormatException("zstd frame decodes to more than " + maxLength + " bytes");
            }
            return decoded;
        } catch (IOException | ZstdException e) {
            throw dataFormat("zstd frame is damaged or truncated: " + e.getMessage(), e);
        }
    }

    private static DataFormatException dataFormat(String message, Exception cause) {
        DataFormatException exception = new DataFormatException(message);
        exception.initCause(cause);
        return exception;
    }
}
