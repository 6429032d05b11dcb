package org.yuxun.scope;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Everything a response says, as text: HTML and JSON as they are, Excel and ZIP files unpacked entry by entry (an
 * .xlsx is a ZIP of XML), so a marker hidden in a spreadsheet cell or an archived file is found too.
 */
final class ResponseText {

    private ResponseText() {
    }

    static String of(byte[] body) {
        if (body.length > 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4) {
            return unzip(body);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String unzip(byte[] body) {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                text.append("\n--- ").append(entry.getName()).append('\n');
                text.append(of(zip.readAllBytes()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Response looked like a ZIP but could not be read", e);
        }
        return text.toString();
    }
}
