package org.lifeboat.virtualphone.profile.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ContainerFormatsTest {
    @Test
    void mp4HasFtypMdatMoovAndASampleTablePointingAtTheFrames() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            frames.add(Jpegs.encode(ImagePainter.photo(64, 48, new SplittableRandom(i)), 0.7f));
        }
        byte[] mp4 = Mp4Writer.motionJpeg(frames, 64, 48, 12, Instant.parse("2023-01-01T00:00:00Z"));

        Map<String, ByteBuffer> top = boxes(ByteBuffer.wrap(mp4));
        assertThat(top.keySet()).containsExactly("ftyp", "mdat", "moov");
        ByteBuffer stbl = path(top.get("moov"), "trak", "mdia", "minf", "stbl");
        ByteBuffer stsz = boxes(stbl).get("stsz");
        assertThat(stsz.getInt(8)).isEqualTo(3);
        assertThat(stsz.getInt(12)).isEqualTo(frames.get(0).length);
        int chunkOffset = boxes(stbl).get("stco").getInt(8);
        byte[] firstFrame = new byte[frames.get(0).length];
        System.arraycopy(mp4, chunkOffset, firstFrame, 0, firstFrame.length);
        assertThat(ImageIO.read(new ByteArrayInputStream(firstFrame)).getWidth())
                .isEqualTo(64);
        ByteBuffer stsd = boxes(stbl).get("stsd");
        assertThat(ascii(stsd, 12)).isEqualTo("jpeg");
        ByteBuffer mvhd = boxes(top.get("moov")).get("mvhd");
        assertThat(mvhd.getInt(16)).as("duration in ms").isEqualTo(250);
    }

    @Test
    void pdfCrossReferenceOffsetsPointAtTheirObjects() {
        byte[] pdf = PdfWriter.document("Title (x)", List.of("Line one", "Grüße \\ done"));
        String text = new String(pdf, StandardCharsets.ISO_8859_1);

        assertThat(text).startsWith("%PDF-1.4").endsWith("%%EOF\n");
        Matcher startxref = Pattern.compile("startxref\n(\\d+)").matcher(text);
        assertThat(startxref.find()).isTrue();
        int xref = Integer.parseInt(startxref.group(1));
        assertThat(text.substring(xref)).startsWith("xref\n0 6\n");
        Matcher entries = Pattern.compile("(\\d{10}) 00000 n").matcher(text.substring(xref));
        for (int object = 1; entries.find(); object++) {
            assertThat(text.substring(Integer.parseInt(entries.group(1)))).startsWith(object + " 0 obj");
        }
        assertThat(text).contains("(Title \\(x\\)) Tj").contains("(Gr??e \\\\ done) '");
    }

    @Test
    void wavHeaderDescribesSixteenBitMonoPcm() {
        byte[] wav = WavWriter.voiceRecording(2, new SplittableRandom(3));
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(ascii(header, 0)).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
        assertThat(ascii(header, 8)).isEqualTo("WAVE");
        assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
        assertThat(header.getInt(24)).isEqualTo(WavWriter.SAMPLE_RATE);
        assertThat(header.getInt(40)).isEqualTo(2 * 2 * WavWriter.SAMPLE_RATE);
    }

    private static ByteBuffer path(ByteBuffer box, String... names) {
        ByteBuffer current = box;
        for (String name : names) {
            current = boxes(current).get(name);
        }
        return current;
    }

    /** Child boxes of a box body (or of a whole file); each value is the child's body. */
    private static Map<String, ByteBuffer> boxes(ByteBuffer body) {
        Map<String, ByteBuffer> children = new LinkedHashMap<>();
        int position = 0;
        while (position < body.limit()) {
            int size = body.getInt(position);
            assertThat(size).isGreaterThanOrEqualTo(8);
            children.put(ascii(body, position + 4), body.slice(position + 8, size - 8));
            position += size;
        }
        assertThat(position).as("boxes fill their parent exactly").isEqualTo(body.limit());
        return children;
    }

    private static String ascii(ByteBuffer buffer, int at) {
        byte[] bytes = new byte[4];
        buffer.get(at, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
