package org.yuxun.certification.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
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
 * The answer by public id is kept in memory ({@link Verdicts}) until the certificate is revoked or the day ends.
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

    /** The one answer for everything not found, whatever was asked: the same object every time. */
    public static final Answer NOT_FOUND = new Answer(Result.NOT_FOUND, null, null);

    private final CertificateStore store;
    private final VerificationLog log;
    private final Credentials credentials;
    private final Verdicts verdicts;

    Verification(CertificateStore store, VerificationLog log, Credentials credentials, Verdicts verdicts) {
        this.store = store;
        this.log = log;
        this.credentials = credentials;
        this.verdicts = verdicts;
    }

    /**
     * @param publicId what the QR code carries; anything that is not a UUID is simply not found
     * @return the answer in the caller's language, the same object for the same certificate as long as its verdict
     *     stands (so a rendering of it may be kept alongside)
     */
    public Answer byPublicId(String publicId, String ip) {
        Optional<UUID> id = uuid(publicId);
        Answer answer = id.isEmpty() ? NOT_FOUND
                : verdicts.answer(id.get(), LocaleContextHolder.getLocale(), this::load);
        log.record(answer.certificate() == null ? null : answer.certificate().id(), "LINK", answer.result().name(),
                ip);
        return answer;
    }

    private Answer load(UUID publicId) {
        return answer(DataScope.asSystem(() -> store.byPublicId(publicId)));
    }

    public Answer byNumberAndName(String number, String name, String ip) {
        String n = number == null ? "" : Text.normalise(number).replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        String h = name == null ? "" : Text.normalise(name);
        Optional<CertificateView> found = n.isEmpty() || h.isEmpty() || n.length() > 60 || h.length() > 50
                ? Optional.empty()
                : DataScope.asSystem(() -> store.byNumberAndName(n, h));
        Answer answer = answer(found);
        log.record(found.map(CertificateView::id).orElse(null), "FORM", answer.result().name(), ip);
        return answer;
    }

    private Answer answer(Optional<CertificateView> found) {
        if (found.isEmpty()) {
            return NOT_FOUND;
        }
        CertificateView c = found.get();
        Result result = Result.valueOf(c.state(LocalDate.now(CertificateManagement.ZONE)).name());
        CredentialCheck check = credentials.jwt(c.publicId()).map(credentials::verify).orElse(null);
        return new Answer(result, c, check);
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
