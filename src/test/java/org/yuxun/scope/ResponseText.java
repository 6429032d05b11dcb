package org.yuxun.scope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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

    /** Through a file: streamed workbooks write stored entries with data descriptors, which ZipInputStream refuses. */
    private static String unzip(byte[] body) {
        StringBuilder text = new StringBuilder();
        try {
            Path file = Files.createTempFile("response-", ".zip");
            try {
                Files.write(file, body);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        text.append("\n--- ").append(entry.getName()).append('\n');
                        try (InputStream in = zip.getInputStream(entry)) {
                            text.append(of(in.readAllBytes()));
                        }
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Response looked like a ZIP but could not be read", e);
        }
        return text.toString();
    }
}
