package org.lifeboat.virtualphone.profile.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.lifeboat.virtualphone.profile.media.PdfWriter;
import org.lifeboat.virtualphone.profile.media.WavWriter;

/** Documents, downloads, voice recordings and WhatsApp's own files in shared storage. */
final class Documents {
    static final int BASE_RECORDINGS = 5;

    private Documents() {}

    static void write(int recordings, MediaLibrary library, Timeline timeline, RandomGenerator random, SdcardSink sink)
            throws IOException {
        List<Instant> dates = library.sortedInstants(10);
        sink.write(
                "Documents/Mietvertrag 2022.pdf",
                dates.get(0),
                PdfWriter.document(
                        "Mietvertrag",
                        List.of(
                                "Between: Anna Petrova and Hausverwaltung GmbH",
                                "Rent: 1,150 EUR per month",
                                "Signed (c)")));
        sink.write(
                "Documents/CV 2023.pdf",
                dates.get(1),
                PdfWriter.document(
                        "Curriculum Vitae", List.of("Experience: 10 years", "Languages: German, English, Russian")));
        sink.write("Documents/notes.txt", dates.get(2), text("Einkaufsliste:\n- Äpfel\n- Brot\n- Käse\n"));
        sink.write("Documents/weird 'quotes' & (parens).txt", dates.get(3), text("File names need quoting.\n"));
        sink.write(
                "Download/boarding-pass LH2034.pdf",
                dates.get(4),
                PdfWriter.document(
                        "Boarding pass", List.of("Flight LH 2034 BER-MUC", "Seat 14C", "Gate closes 07:40")));
        sink.write(
                "Download/Rechnung März.pdf",
                dates.get(5),
                PdfWriter.document("Rechnung", List.of("Invoice 2024-03-117", "Total: 89.90 EUR")));
        sink.write(
                "Download/README.txt",
                dates.get(6),
                text("Downloaded from https://example.org\r\nWindows line ends\r\n"));
        sink.write("Download/empty.txt", dates.get(7), new byte[0]);
        for (int i = 1; i <= recordings; i++) {
            Instant recorded = timeline.randomInstant(random);
            sink.write(
                    library.unique(String.format("Recordings/Voice %03d", i), ".wav"),
                    recorded,
                    WavWriter.voiceRecording(2 + random.nextInt(5), random));
        }
        String whatsapp = "Android/media/com.whatsapp/WhatsApp/";
        sink.write(
                whatsapp + "Databases/msgstore.db.crypt14",
                timeline.now().minusSeconds(86_400),
                UserApps.randomBytes(256 * 1024, random));
        sink.write(whatsapp + "Media/.Statuses/.nomedia", dates.get(8), new byte[0]);
    }

    private static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
