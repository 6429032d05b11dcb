package org.yuxun.training.attendance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.springframework.stereotype.Component;
import org.yuxun.shared.YuxunProperties;

/** The check-in QR code: a PNG of {@code <public-base-url>/m/check-in?t=<token>}, large enough for a projector. */
@Component
class QrCodes {

    private static final int SIZE = 420;

    private final AttendanceTokens tokens;
    private final String base;

    QrCodes(AttendanceTokens tokens, YuxunProperties properties) {
        this.tokens = tokens;
        this.base = properties.publicBaseUrl();
    }

    /** A fresh check-in link for the session. */
    String link(long sessionId, Direction direction) {
        return base + "/m/check-in?t=" + tokens.issue(sessionId, direction);
    }

    byte[] png(String text) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
