package org.yuxun.certification.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.CertificateView;
import org.yuxun.credentials.CredentialCheck;
import org.yuxun.credentials.Credentials;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.Text;

/**
 * Public verification of a certificate, for anyone and without signing in: by the public identifier in its QR
 * code, or by number and holder's name together. One indexed lookup in system scope, whose answer holds only what
 * the certificate itself prints (the holder's masked identity number). An unknown number and a wrong name give one
 * and the same answer, so the page never tells whether someone holds a certificate. Every verification is logged.
 */
@Service
public class Verification {

    /** What the page says. */
    public enum Result { VALID, REVOKED, EXPIRED, NOT_FOUND }

    /**
     * The answer: the certificate only when found, with the check of its signed credential when it has one.
     */
    public record Answer(Result result, CertificateView certificate, CredentialCheck credential) {
    }

    private final CertificateStore store;
    private final VerificationLog log;
    private final Credentials credentials;

    Verification(CertificateStore store, VerificationLog log, Credentials credentials) {
        this.store = store;
        this.log = log;
        this.credentials = credentials;
    }

    /** @param publicId what the QR code carries; anything that is not a UUID is simply not found */
    public Answer byPublicId(String publicId, String ip) {
        Optional<UUID> id = uuid(publicId);
        Optional<CertificateView> found = id.isEmpty() ? Optional.empty()
                : DataScope.asSystem(() -> store.byPublicId(id.get()));
        return answer(found, "LINK", ip);
    }

    public Answer byNumberAndName(String number, String name, String ip) {
        String n = number == null ? "" : Text.normalise(number).replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        String h = name == null ? "" : Text.normalise(name);
        Optional<CertificateView> found = n.isEmpty() || h.isEmpty() || n.length() > 60 || h.length() > 50
                ? Optional.empty()
                : DataScope.asSystem(() -> store.byNumberAndName(n, h));
        return answer(found, "FORM", ip);
    }

    private Answer answer(Optional<CertificateView> found, String method, String ip) {
        LocalDate today = LocalDate.now(CertificateManagement.ZONE);
        Result result = found.map(c -> Result.valueOf(c.state(today).name())).orElse(Result.NOT_FOUND);
        log.record(found.map(CertificateView::id).orElse(null), method, result.name(), ip);
        CredentialCheck check = found.flatMap(c -> credentials.jwt(c.publicId())).map(credentials::verify)
                .orElse(null);
        return new Answer(result, found.orElse(null), check);
    }

    private static Optional<UUID> uuid(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
