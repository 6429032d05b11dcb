package org.yuxun.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yuxun.IntegrationTest;
import org.yuxun.certification.CertificationFixture.CompletedClass;
import org.yuxun.certification.internal.Verdicts;
import org.yuxun.certification.internal.VerificationLog;
import org.yuxun.identity.Accounts;
import org.yuxun.people.PersonRegistry;
import org.yuxun.shared.DataScope;

/** The public verification page: anyone, no sign-in, one neutral answer for what is not found, logged, limited. */
@IntegrationTest
class VerificationTest {

    /** Each test calls from its own address, so the per-address limit of one test never touches another. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonRegistry persons;

    @Autowired
    CertificateManagement certificates;

    @Autowired
    VerificationLog log;

    @Autowired
    Verdicts verdicts;

    @Autowired
    Accounts accounts;

    @Autowired
    org.yuxun.credentials.Credentials credentials;

    CertificationFixture fixture;
    CompletedClass completed;
    CertificateView certificate;
    String address;

    @BeforeEach
    void certificate() {
        fixture = new CertificationFixture(jdbc, persons);
        completed = fixture.trainingClass(1);
        certificate = DataScope.asSystem(() -> certificates.issueForEnrolment(completed.enrolments().getFirst()))
                .orElseThrow();
        address = "10.77." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);
    }

    @Test
    void theQrLinkSaysValidWithTheIssuerAndTheHolderMaskedWithoutSignInOrSession() throws Exception {
        MockHttpServletResponse response = verify("/verify/" + certificate.publicId());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("证书有效", completed.names().getFirst(),
                certificate.holderDocumentMasked(), "浙江育训职业技术学院", certificate.number())
                .doesNotContain(completed.documents().getFirst());
        assertThat(response.getHeader("Set-Cookie")).isNull();
        assertThat(response.getContentAsString()).doesNotContain("_csrf");
    }

    @Test
    void numberAndNameSayValidAndAfterRevocationSayRevokedWithDateAndReason() throws Exception {
        assertThat(verify("/verify?number=" + certificate.number() + "&name=" + completed.names().getFirst())
                .getContentAsString()).contains("证书有效");
        DataScope.asSystem(() -> certificates.revoke(certificate.id(), certificate.version(), "信息有误" + fixture.tag));
        String revoked = verify("/verify/" + certificate.publicId()).getContentAsString();
        assertThat(revoked).contains("证书已撤销", "信息有误" + fixture.tag,
                java.time.LocalDate.now(CertificateManagement.ZONE).toString());
    }

    @Test
    void theCertificatesCredentialVerifiesAgainstThePublishedKeysUntilRevokedAndFailsWhenTampered() throws Exception {
        String page = verify("/verify/" + certificate.publicId()).getContentAsString();
        assertThat(page).contains("/credentials/" + certificate.publicId() + ".json", "下载可验证凭证 (JSON)")
                .contains("data-status=\"VALID\"");
        String jwt = credentials.jwt(certificate.publicId()).orElseThrow();
        String jwks = mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString();
        com.nimbusds.jwt.SignedJWT signed = com.nimbusds.jwt.SignedJWT.parse(jwt);
        var key = com.nimbusds.jose.jwk.JWKSet.parse(jwks).getKeyByKeyId(signed.getHeader().getKeyID()).toECKey();
        assertThat(signed.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key))).isTrue();
        assertThat(signed.getJWTClaimsSet().toJSONObject().toString()).contains(certificate.number())
                .doesNotContain(completed.documents().getFirst());
        String[] parts = jwt.split("\\.");
        char[] payload = parts[1].toCharArray();
        payload[10] = payload[10] == 'A' ? 'B' : 'A';
        String tampered = parts[0] + "." + new String(payload) + "." + parts[2];
        assertThat(credentials.verify(tampered).valid()).isFalse();
        DataScope.asSystem(() -> certificates.revoke(certificate.id(), certificate.version(), "撤销" + fixture.tag));
        assertThat(credentials.verify(jwt).status()).isEqualTo(org.yuxun.credentials.CredentialCheck.Status.REVOKED);
        assertThat(verify("/verify/" + certificate.publicId()).getContentAsString())
                .contains("data-status=\"REVOKED\"");
    }

    @Test
    void aRevokedCertificateReadsRevokedAtOnceThoughItsValidVerdictWasKept() throws Exception {
        String link = "/verify/" + certificate.publicId();
        assertThat(verify(link).getContentAsString()).contains("证书有效", "data-status=\"VALID\"");
        assertThat(verify(link).getContentAsString()).contains("证书有效", "data-status=\"VALID\"");
        DataScope.asSystem(() -> certificates.revoke(certificate.id(), certificate.version(), "当场撤销" + fixture.tag));
        assertThat(verify(link).getContentAsString()).contains("证书已撤销", "当场撤销" + fixture.tag,
                "data-status=\"REVOKED\"").doesNotContain("证书有效");
    }

    @Test
    void aRevocationMadeOnAnotherNodeReadsRevokedAfterTheNextPoll() throws Exception {
        String link = "/verify/" + certificate.publicId();
        assertThat(verify(link).getContentAsString()).contains("证书有效");
        DataScope.asSystem(() -> jdbc.sql("""
                        update certificate set status = 'REVOKED', revoked_at = now(), revoked_reason = ?,
                                               version = version + 1
                        where id = ?""").params("另一节点撤销" + fixture.tag, certificate.id()).update());
        verdicts.pollRevocations();
        assertThat(verify(link).getContentAsString()).contains("证书已撤销", "另一节点撤销" + fixture.tag)
                .doesNotContain("证书有效");
    }

    @Test
    void aKeptVerdictIsShownInTheLanguageOfEachCaller() throws Exception {
        String link = "/verify/" + certificate.publicId();
        assertThat(verify(link).getContentAsString()).contains("证书有效");
        assertThat(verify(link + "?lang=en").getContentAsString()).contains("The certificate is valid",
                "Valid: the signature is genuine").doesNotContain("证书有效");
        assertThat(verify(link).getContentAsString()).contains("证书有效");
    }

    @Test
    void anExpiredCertificateSaysExpired() throws Exception {
        DataScope.asSystem(() -> jdbc.sql("""
                        update certificate set issued_on = current_date - 400, valid_until = current_date - 30
                        where id = ?""").param(certificate.id()).update());
        assertThat(verify("/verify/" + certificate.publicId()).getContentAsString()).contains("证书已过期");
    }

    @Test
    void anUnknownNumberAWrongNameAndAGuessedLinkGetOneIdenticalAnswer() throws Exception {
        String wrongName = verify("/verify?number=" + certificate.number() + "&name=欧阳不是").getContentAsString();
        String unknownNumber = verify("/verify?number=X" + certificate.number() + "&name=欧阳不是")
                .getContentAsString();
        String guessed = verify("/verify/" + UUID.randomUUID()).getContentAsString();
        String garbage = verify("/verify/not-a-certificate").getContentAsString();
        assertThat(wrongName).contains("未能核验").doesNotContain(completed.names().getFirst());
        assertThat(body(unknownNumber).replace("X" + certificate.number(), certificate.number()))
                .isEqualTo(body(wrongName));
        assertThat(body(guessed)).isEqualTo(body(garbage)).contains("未能核验");
    }

    @Test
    void everyVerificationIsLoggedWithTimeAddressAndResult() throws Exception {
        verify("/verify/" + certificate.publicId());
        verify("/verify/" + certificate.publicId());
        verify("/verify?number=" + certificate.number() + "&name=欧阳不是");
        log.flush();
        assertThat(fixture.count("select count(*) from certificate_verification where ip = ? and result = 'VALID'"
                + " and certificate_id = ?", address, certificate.id())).isEqualTo(2);
        assertThat(fixture.count("select count(*) from certificate_verification where ip = ?"
                + " and result = 'NOT_FOUND' and certificate_id is null", address)).isEqualTo(1);
    }

    @Test
    void tooManyVerificationsFromOneAddressAreToldToWait() throws Exception {
        int status = 200;
        for (int i = 0; i < 200 && status == 200; i++) {
            status = verify("/verify/" + UUID.randomUUID()).getStatus();
        }
        assertThat(status).isEqualTo(429);
        MockHttpServletResponse limited = verify("/verify/" + certificate.publicId());
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentAsString()).contains("核验过于频繁").doesNotContain(completed.names().getFirst());
    }

    @Test
    void theVerificationPageAlsoWorksForSignedInUsers() throws Exception {
        mvc.perform(get("/verify/" + certificate.publicId()).with(remote()).with(user(accounts.load("nb-college"))))
                .andExpect(status().isOk());
        mvc.perform(post("/verify/" + certificate.publicId()).with(remote()).with(csrf()))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 405));
    }

    private MockHttpServletResponse verify(String url) throws Exception {
        return mvc.perform(get(url).with(remote())).andReturn().getResponse();
    }

    private RequestPostProcessor remote() {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The page without the echoed form values. */
    private static String body(String html) {
        return html.replaceAll("value=\"[^\"]*\"", "value=\"\"");
    }
}
