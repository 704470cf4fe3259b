package org.lifeboat.virtualphone.profile.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes an ISO base media file (ISO/IEC 14496-12) with one Motion-JPEG video track: {@code ftyp}, {@code mdat}
 * with the frames, then {@code moov} with a complete sample table. The sample entry is QuickTime's {@code jpeg}
 * ("Photo - JPEG"), which ffmpeg's mov/mp4 demuxer maps to its MJPEG decoder; Android's own MediaCodec has no
 * MJPEG decoder, so a phone gallery shows the file but cannot play it.
 */
public final class Mp4Writer {
    private static final int TIMESCALE = 90_000;
    private static final int MOVIE_TIMESCALE = 1_000;
    /** Seconds between 1904-01-01 (the ISO BMFF epoch) and 1970-01-01. */
    private static final long EPOCH_1904_OFFSET = 2_082_844_800L;

    private Mp4Writer() {}

    /**
     * @param frames baseline JPEG frames, all {@code width x height}
     * @param created recorded as creation and modification time in {@code mvhd}, {@code tkhd} and {@code mdhd}
     */
    public static byte[] motionJpeg(List<byte[]> frames, int width, int height, int framesPerSecond, Instant created) {
        if (frames.isEmpty() || framesPerSecond <= 0 || TIMESCALE % framesPerSecond != 0) {
            throw new IllegalArgumentException("need at least one frame and a frame rate dividing " + TIMESCALE
                    + ", got " + frames.size() + " frames at " + framesPerSecond + " fps");
        }
        long time = created.getEpochSecond() + EPOCH_1904_OFFSET;
        int sampleDelta = TIMESCALE / framesPerSecond;
        long movieDuration = Duration.ofSeconds(frames.size()).toMillis() / framesPerSecond;

        byte[] ftyp = box("ftyp", ascii("isom"), u32(0x200), ascii("isom"), ascii("iso2"), ascii("mp41"));
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            payload.writeBytes(frame);
        }
        byte[] mdat = box("mdat", payload.toByteArray());
        int firstChunkOffset = ftyp.length + 8;

        byte[] stbl = box(
                "stbl",
                fullBox("stsd", 0, u32(1), sampleEntry(width, height)),
                fullBox("stts", 0, u32(1), u32(frames.size()), u32(sampleDelta)),
                fullBox("stsc", 0, u32(1), u32(1), u32(frames.size()), u32(1)),
                fullBox("stsz", 0, u32(0), u32(frames.size()), sampleSizes(frames)),
                fullBox("stco", 0, u32(1), u32(firstChunkOffset)));
        byte[] minf = box(
                "minf",
                fullBox("vmhd", 1, new byte[8]),
                box("dinf", fullBox("dref", 0, u32(1), fullBox("url ", 1))),
                stbl);
        byte[] mdia = box(
                "mdia",
                fullBox(
                        "mdhd",
                        0,
                        u32(time),
                        u32(time),
                        u32(TIMESCALE),
                        u32((long) sampleDelta * frames.size()),
                        u16(0x55C4), // ISO-639-2 "und", packed as three 5-bit letters
                        u16(0)),
                fullBox("hdlr", 0, u32(0), ascii("vide"), new byte[12], cString("VideoHandler")),
                minf);
        byte[] tkhd = fullBox(
                "tkhd",
                3, // track enabled and in movie
                u32(time),
                u32(time),
                u32(1),
                u32(0),
                u32(movieDuration),
                new byte[8],
                u16(0),
                u16(0),
                u16(0),
                u16(0),
                unityMatrix(),
                u32((long) width << 16),
                u32((long) height << 16));
        byte[] mvhd = fullBox(
                "mvhd",
                0,
                u32(time),
                u32(time),
                u32(MOVIE_TIMESCALE),
                u32(movieDuration),
                u32(0x00010000), // rate 1.0
                u16(0x0100), // volume 1.0
                new byte[10],
                unityMatrix(),
                new byte[24],
                u32(2));
        byte[] moov = box("moov", mvhd, box("trak", tkhd, mdia));
        return concat(ftyp, mdat, moov);
    }

    private static byte[] sampleEntry(int width, int height) {
        byte[] compressorName = new byte[32];
        byte[] name = "Photo - JPEG".getBytes(StandardCharsets.US_ASCII);
        compressorName[0] = (byte) name.length;
        System.arraycopy(name, 0, compressorName, 1, name.length);
        return box(
                "jpeg",
                new byte[6],
                u16(1), // data_reference_index
                new byte[16],
                u16(width),
                u16(height),
                u32(0x00480000), // 72 dpi
                u32(0x00480000),
                u32(0),
                u16(1), // frame_count
                compressorName,
                u16(0x0018), // depth: colour, no alpha
                u16(0xFFFF)); // pre_defined = -1
    }

    private static byte[] sampleSizes(List<byte[]> frames) {
        ByteBuffer sizes = ByteBuffer.allocate(frames.size() * 4);
        frames.forEach(frame -> sizes.putInt(frame.length));
        return sizes.array();
    }

    private static byte[] unityMatrix() {
        return concat(
                u32(0x00010000), u32(0), u32(0), u32(0), u32(0x00010000), u32(0), u32(0), u32(0), u32(0x40000000));
    }

    private static byte[] box(String type, byte[]... parts) {
        byte[] body = concat(parts);
        return concat(u32(8L + body.length), ascii(type), body);
    }

    private static byte[] fullBox(String type, int flags, byte[]... parts) {
        return box(type, concat(u32(flags & 0xFFFFFF), concat(parts)));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] u32(long value) {
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    private static byte[] u16(int value) {
        return ByteBuffer.allocate(2).putShort((short) value).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] cString(String text) {
        return concat(ascii(text), new byte[1]);
    }
}
