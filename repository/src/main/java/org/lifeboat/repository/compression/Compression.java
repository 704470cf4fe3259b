package org.lifeboat.repository.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
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
 * <p>Frames written by restic may omit the content size, so objects of unknown size are stream-decoded. Native
 * contexts are pooled and reused: allocating one per blob cost more than compressing a small blob.
 */
public final class Compression {
    /** zstd level 3 is what restic's default ("auto") encoder level corresponds to. */
    public static final int DEFAULT_LEVEL = 3;

    /** Idle contexts kept per kind: one per core covers the worker pool; more would only hold native memory. */
    private static final int POOLED_CONTEXTS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private static final ContextPool<ZstdCompressCtx> COMPRESSORS =
            new ContextPool<>(ZstdCompressCtx::new, POOLED_CONTEXTS);
    private static final ContextPool<ZstdDecompressCtx> DECOMPRESSORS =
            new ContextPool<>(ZstdDecompressCtx::new, POOLED_CONTEXTS);

    /** What {@link #probablyIncompressible} compresses as a sample: 1/16 of an average chunk. */
    public static final int PROBE_LENGTH = 64 * 1024;

    private static final int PROBE_MIN_LENGTH = 4 * PROBE_LENGTH;

    private Compression() {}

    /** One zstd frame holding {@code source[offset..offset+length)}. */
    public static byte[] compress(byte[] source, int offset, int length, int level) {
        byte[] target = new byte[(int) Zstd.compressBound(length)];
        int written = compressInto(source, offset, length, target, 0, target.length, level);
        return Arrays.copyOf(target, written);
    }

    /**
     * Compresses {@code source[offset..offset+length)} into {@code target} at {@code targetOffset} if the frame fits
     * in {@code maxLength} bytes. Passing the input length minus one as the limit asks "does it shrink?" without a
     * second buffer.
     *
     * @return the frame's length, or -1 if it would be longer than {@code maxLength}
     */
    public static int compressInto(
            byte[] source, int offset, int length, byte[] target, int targetOffset, int maxLength, int level) {
        ZstdCompressCtx context = COMPRESSORS.borrow();
        int written;
        try {
            context.setLevel(level);
            written = context.compressByteArray(target, targetOffset, maxLength, source, offset, length);
        } catch (ZstdException e) {
            if (e.getErrorCode() == Zstd.errDstSizeTooSmall()) {
                // Expected for incompressible data; every compression starts a fresh frame, so the context is fine.
                COMPRESSORS.giveBack(context);
                return -1;
            }
            COMPRESSORS.discard(context);
            throw new IllegalStateException("zstd compression failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            COMPRESSORS.discard(context);
            throw e;
        }
        COMPRESSORS.giveBack(context);
        return written;
    }

    /**
     * Whether {@code source[offset..offset+length)} is a large input whose middle {@value #PROBE_LENGTH} bytes do not
     * shrink at all under zstd: video, photos, archives and encrypted files, where compressing the whole input would
     * spend about half a millisecond per MiB to find no gain. Only a probe that fails to save a single byte counts,
     * so data that compresses even slightly is still compressed in full. Inputs under {@value #PROBE_MIN_LENGTH}
     * bytes are never judged by a probe.
     *
     * @param scratch room for the probe's frame, at least {@value #PROBE_LENGTH} bytes
     */
    public static boolean probablyIncompressible(byte[] source, int offset, int length, byte[] scratch, int level) {
        if (length < PROBE_MIN_LENGTH) {
            return false;
        }
        // The middle, not the start: a file's first chunk often opens with a compressible header (MP4 boxes, EXIF).
        int probeOffset = offset + (length - PROBE_LENGTH) / 2;
        return compressInto(source, probeOffset, PROBE_LENGTH, scratch, 0, PROBE_LENGTH - 1, level) < 0;
    }

    /**
     * Decodes a frame whose decoded size is known (a compressed blob's {@code uncompressed_length}).
     *
     * @throws DataFormatException if the frame is damaged or decodes to any other size
     */
    public static byte[] decompress(byte[] source, int offset, int length, int expectedLength)
            throws DataFormatException {
        byte[] target = new byte[expectedLength];
        ZstdDecompressCtx context = DECOMPRESSORS.borrow();
        int written;
        try {
            written = context.decompressByteArray(target, 0, expectedLength, source, offset, length);
        } catch (ZstdException e) {
            DECOMPRESSORS.discard(context);
            throw dataFormat("zstd frame is damaged: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            DECOMPRESSORS.discard(context);
            throw e;
        }
        DECOMPRESSORS.giveBack(context);
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
