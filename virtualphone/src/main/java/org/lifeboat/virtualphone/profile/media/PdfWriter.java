package org.lifeboat.virtualphone.profile.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-page PDF 1.4 document with lines of Helvetica text and a correct cross-reference table (ISO 32000-1 §7.5),
 * so PDF viewers open it without repair.
 */
public final class PdfWriter {
    private PdfWriter() {}

    /** Lines are written as WinAnsi text; characters outside printable ASCII become '?'. */
    public static byte[] document(String title, List<String> lines) {
        StringBuilder content = new StringBuilder("BT /F1 18 Tf 56 780 Td (")
                .append(escape(title))
                .append(") Tj");
        content.append(" /F1 11 Tf 0 -28 Td 14 TL");
        for (String line : lines) {
            content.append(" (").append(escape(line)).append(") '");
        }
        content.append(" ET");
        String stream = content.toString();
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
                        + " /Contents 4 0 R >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        table.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                escaped.append('\\').append(c);
            } else {
                escaped.append(c >= 0x20 && c < 0x7F ? c : '?');
            }
        }
        return escaped.toString();
    }

    /** ISO-8859-1 keeps the binary-marker comment as the four high bytes PDF 1.4 §7.5.2 recommends. */
    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
