package org.yuxun.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.certification.CertificateKind;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.internal.CertificateStore;
import org.yuxun.shared.DataScope;

/**
 * Issue "Certificates", done when: a learner downloads the PDF of their certificate, its QR code — decoded from the
 * rendered page, as a phone's camera reads it — opens a page that says the certificate is valid; after revocation
 * the same code says revoked; the credential verifies against the published JWKS with a standard JOSE library and
 * fails once a byte is changed.
 */
class CertificateVerificationIT extends BrowserTest {

    private static final String REASON = "证书信息登记有误";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CertificateManagement certificates;

    @Autowired
    TransactionTemplate transactions;

    /**
     * A certificate of the demo learner's own for this test to revoke: the demo certificate they hold is the one
     * {@code CreditExchangeIT} converts into credits, and a revoked certificate converts into nothing.
     *
     * @return its public id
     */
    private String ownCertificate() {
        return DataScope.asSystem(() -> transactions.execute(t -> {
            Map<String, Object> demo = jdbc.sql("""
                            select c.issuer_id, c.institution_id, c.person_id from certificate c
                            join app_user u on u.person_id = c.person_id
                            where u.username = 'learner' order by c.id limit 1""").query().singleRow();
            return certificates.issueStored(new CertificateStore.NewCertificate(CertificateKind.TRAINING,
                    (Long) demo.get("issuer_id"), null, (Long) demo.get("institution_id"),
                    (Long) demo.get("person_id"), null, null, null, "安全生产知识培训", null, null,
                    new BigDecimal("8"), LocalDate.now(CertificateManagement.ZONE), null, "MANUAL", null))
                    .certificate().publicId().toString();
        }));
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theQrCodeOfALearnersCertificateSaysValidThenRevokedAndItsCredentialVerifiesAgainstThePublishedKeys()
            throws Exception {
        String own = ownCertificate();
        phoneSized();
        signIn("learner");
        open("/my/certificates");
        WebElement pdfLink = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[href='/my/certificates/" + own + "/pdf']")));
        Cookie session = browser.manage().getCookieNamed("SESSION");
        byte[] pdf = get(pdfLink.getAttribute("href"), "SESSION=" + session.getValue()).body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        String scanned = qrCodeOf(pdf);
        String verifyPath = URI.create(scanned).getPath();
        assertThat(verifyPath).startsWith("/verify/");
        String publicId = verifyPath.substring("/verify/".length());

        browser.manage().deleteAllCookies();
        open(verifyPath);
        assertThat(verdict()).isEqualTo("VALID");
        assertThat(browser.findElement(By.id("credential-check")).getAttribute("data-status")).isEqualTo("VALID");

        String jwt = new String(get(url("/credentials/" + publicId + ".jwt"), null).body(), StandardCharsets.UTF_8);
        JWKSet keys = JWKSet.parse(new String(get(url("/.well-known/jwks.json"), null).body(),
                StandardCharsets.UTF_8));
        SignedJWT credential = SignedJWT.parse(jwt);
        JWK key = keys.getKeyByKeyId(credential.getHeader().getKeyID());
        assertThat(key).isNotNull();
        ECDSAVerifier verifier = new ECDSAVerifier(key.toECKey());
        assertThat(credential.verify(verifier)).isTrue();
        assertThat(SignedJWT.parse(oneByteChanged(jwt)).verify(verifier)).isFalse();

        long certificateId = DataScope.asSystem(() -> jdbc.sql(
                        "select id from certificate where public_id = ?::uuid").param(publicId)
                .query(Long.class).single());
        browser.manage().window().setSize(new Dimension(1280, 1000));
        signIn("college-admin");
        open("/certificates/" + certificateId);
        browser.findElement(By.id("reason")).sendKeys(REASON);
        WebElement revoke = browser.findElement(By.cssSelector("form[action$='/revoke'] button[type=submit]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", revoke);
        revoke.click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), REASON));

        browser.manage().deleteAllCookies();
        open(verifyPath);
        assertThat(verdict()).isEqualTo("REVOKED");
        assertThat(browser.findElement(By.id("verify-result")).getText()).contains(REASON);
        assertThat(browser.findElement(By.id("credential-check")).getAttribute("data-status")).isEqualTo("REVOKED");
    }

    private String verdict() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-result")))
                .getAttribute("data-result");
    }

    private HttpResponse<byte[]> get(String address, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(address).isEqualTo(200);
        return response;
    }

    /**
     * Decodes the QR code from the PDF's first page rendered as an image, as a phone's camera would read the printed
     * page: at 300 dpi, and at 150 dpi if that fails. At 150 dpi alone a module of the code is a few pixels wide and
     * not a whole number of them, so for some addresses the sampled grid missed a module (a checksum error).
     */
    private static String qrCodeOf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            ReaderException failure = null;
            for (int dpi : new int[] {300, 150}) {
                BufferedImage page = renderer.renderImageWithDPI(0, dpi);
                try {
                    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(page))), Map.of(DecodeHintType.TRY_HARDER, true))
                            .getText();
                } catch (ReaderException e) {
                    failure = e;
                }
            }
            throw failure;
        }
    }

    /** The credential with one byte of its payload changed, signature kept. */
    private static String oneByteChanged(String jwt) {
        String[] parts = jwt.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        payload[payload.length / 2] ^= 0x01;
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];
    }
}
