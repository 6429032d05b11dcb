package org.yuxun.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.credentials.CredentialCheck.Status;
import org.yuxun.credentials.internal.CredentialDocuments;
import org.yuxun.credentials.internal.SigningKeys;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.NotFound;

/**
 * The signed credentials of DESIGN.md ("Credential format"): OB 3.0 conformance, the JOSE header, no identity
 * number in the payload, verification with a standard JOSE library against the published JWKS, tampering,
 * foreign keys, rotation, revocation through the Bitstring Status List, and refusals of bad input.
 */
@IntegrationTest
class CredentialsTest {

    static final String NUMBER = "33010619900101002X";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    Credentials credentials;

    @Autowired
    SigningKeyManagement signingKeys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningKeys keys;

    @Autowired
    CredentialDocuments documents;

    /** Issuer ids no other test uses, so rotations here never change another test's keys. */
    static long newIssuer() {
        return 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    static AchievementClaim claim(long issuer) {
        return claim(issuer, Instant.parse("2026-11-20T00:00:00Z"), null);
    }

    static AchievementClaim claim(long issuer, Instant validFrom, Instant validUntil) {
        return new AchievementClaim(UUID.randomUUID(), issuer, "浙江育训职业技术学院", "张三", NUMBER,
                "工业机器人系统运维员（四级）", "完成工业机器人系统运维员四级培训并通过考核。", "Certificate",
                "ZJYX-2026-" + ThreadLocalRandom.current().nextInt(1_000_000), new BigDecimal("64.0"), 4, validFrom,
                validUntil);
    }

    static JsonNode payload(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    static JsonNode joseHeader(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    }

    JWKSet publishedKeys() throws Exception {
        String body = mvc.perform(get("/.well-known/jwks.json")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        return JWKSet.parse(body);
    }

    boolean verifiesWithNimbus(String jwt, JWKSet jwks) throws Exception {
        JWSObject jws = JWSObject.parse(jwt);
        ECKey key = (ECKey) jwks.getKeyByKeyId(jws.getHeader().getKeyID());
        return key != null && jws.verify(new ECDSAVerifier(key));
    }

    @Test
    void anIssuedCredentialValidatesAgainstTheOpenBadgesSchema() throws Exception {
        IssuedCredential issued = credentials.issue(claim(newIssuer()));
        JsonSchema schema = schema();
        JsonNode credential = payload(issued.jwt());

        assertThat(schema.validate(credential)).isEmpty();
        ObjectNode withoutIssuer = credential.deepCopy();
        withoutIssuer.remove("issuer");
        assertThat(schema.validate(withoutIssuer)).as("the schema check can fail").isNotEmpty();
        assertThat(credential.path("type").toString()).contains("VerifiableCredential", "AchievementCredential");
        assertThat(credential.path("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(credential.path("id").asText()).isEqualTo("urn:uuid:" + issued.credentialId());
        assertThat(credential.has("issuanceDate")).isFalse();
        assertThat(credential.has("vc")).isFalse();
        assertThat(credential.path("issuer").path("name").asText()).isEqualTo("浙江育训职业技术学院");
        assertThat(credential.path("credentialSubject").path("achievement").path("achievementType").asText())
                .isEqualTo("Certificate");
    }

    @Test
    void theHeaderIsExactlyVcJwtEs256WithTheIssuersKid() throws Exception {
        long issuer = newIssuer();
        IssuedCredential issued = credentials.issue(claim(issuer));

        JsonNode header = joseHeader(issued.jwt());
        assertThat(header.path("typ").asText()).isEqualTo("vc+jwt");
        assertThat(header.path("alg").asText()).isEqualTo("ES256");
        assertThat(header.path("kid").asText()).isEqualTo(issuer + "-v1").isEqualTo(issued.kid());
    }

    @Test
    void thePayloadHoldsTheHolderByNameAndSaltedHashNeverTheNumber() throws Exception {
        IssuedCredential issued = credentials.issue(claim(newIssuer()));
        String decoded = payload(issued.jwt()).toString();

        assertThat(decoded).doesNotContain(NUMBER).doesNotContain(NUMBER.toLowerCase())
                .doesNotContain(NUMBER.substring(0, 14));
        JsonNode identifiers = payload(issued.jwt()).path("credentialSubject").path("identifier");
        JsonNode hashed = null;
        JsonNode name = null;
        for (JsonNode identifier : identifiers) {
            if (identifier.path("identityType").asText().equals("nationalIdentityNumber")) {
                hashed = identifier;
            } else if (identifier.path("identityType").asText().equals("name")) {
                name = identifier;
            }
        }
        assertThat(name).isNotNull();
        assertThat(name.path("identityHash").asText()).isEqualTo("张三");
        assertThat(hashed).isNotNull();
        assertThat(hashed.path("hashed").asBoolean()).isTrue();
        String salt = hashed.path("salt").asText();
        assertThat(salt).hasSizeGreaterThanOrEqualTo(16);
        String expected = "sha256$" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((NUMBER + salt).getBytes(StandardCharsets.UTF_8)));
        assertThat(hashed.path("identityHash").asText()).isEqualTo(expected);
        String stored = DataScope.asSystem(() -> jdbc.sql("select row_to_json(c)::text from credential c where id = ?")
                .param(issued.credentialId()).query(String.class).single());
        assertThat(stored).doesNotContain(NUMBER);
    }

    @Test
    void theCredentialVerifiesAgainstThePublishedJwksAndFailsOnceAByteChanges() throws Exception {
        IssuedCredential issued = credentials.issue(claim(newIssuer()));
        JWKSet jwks = publishedKeys();
        assertThat(verifiesWithNimbus(issued.jwt(), jwks)).isTrue();
        assertThat(jwks.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());

        String[] parts = issued.jwt().split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        payload[payload.length / 2] ^= 0x01;
        String tamperedPayload = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload)
                + "." + parts[2];
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 0x01;
        String tamperedSignature = parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        assertThat(verifiesWithNimbus(tamperedPayload, jwks)).isFalse();
        assertThat(verifiesWithNimbus(tamperedSignature, jwks)).isFalse();
        assertThat(credentials.verify(issued.jwt()).status()).isEqualTo(Status.VALID);
        assertThat(credentials.verify(tamperedPayload).status()).isEqualTo(Status.BAD_SIGNATURE);
        assertThat(credentials.verify(tamperedSignature).status()).isEqualTo(Status.BAD_SIGNATURE);
    }

    @Test
    void aCredentialSignedWithAForeignKeyUnderTheSameKidFailsWithAClearMessage() throws Exception {
        IssuedCredential issued = credentials.issue(claim(newIssuer()));
        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID(issued.kid()).generate();
        JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("vc+jwt")).keyID(issued.kid()).build(),
                new Payload(payload(issued.jwt()).toString()));
        forged.sign(new ECDSASigner(foreign));

        CredentialCheck check = credentials.verify(forged.serialize());

        assertThat(check.valid()).isFalse();
        assertThat(check.status()).isEqualTo(Status.BAD_SIGNATURE);
        assertThat(check.message()).contains("签名无效");
        assertThat(check.credentialId()).isNull();
        assertThat(check.issuerId()).isNull();

        JWSObject unknownKid = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("vc+jwt")).keyID("999999999999-v9").build(),
                new Payload(payload(issued.jwt()).toString()));
        unknownKid.sign(new ECDSASigner(foreign));
        assertThat(credentials.verify(unknownKid.serialize()).status()).isEqualTo(Status.UNKNOWN_KEY);
    }

    @Test
    void aCredentialNamingAnotherIssuerThanTheOwnerOfItsKeyIsRefused() throws Exception {
        long issuer = newIssuer();
        credentials.issue(claim(issuer));
        IssuedCredential other = credentials.issue(claim(newIssuer()));
        SigningKeys.SigningKey key = DataScope.asSystem(() -> keys.current(issuer));

        String misattributed = documents.sign(payload(other.jwt()).toString(), key);
        CredentialCheck check = credentials.verify(misattributed);

        assertThat(check.status()).isEqualTo(Status.BAD_SIGNATURE);
        assertThat(check.message()).contains("签发机构与签名密钥");
        assertThat(check.credentialId()).isNull();
    }

    @Test
    void rotationKeepsOldCredentialsVerifyingAndSignsNewOnesWithVersionTwo() throws Exception {
        long issuer = newIssuer();
        IssuedCredential before = credentials.issue(claim(issuer));
        SigningKeyManagement.KeyView rotated = DataScope.asSystem(() -> signingKeys.rotate(issuer));
        IssuedCredential after = credentials.issue(claim(issuer));

        assertThat(rotated.kid()).isEqualTo(issuer + "-v2");
        assertThat(before.kid()).isEqualTo(issuer + "-v1");
        assertThat(after.kid()).isEqualTo(issuer + "-v2");
        JWKSet jwks = publishedKeys();
        assertThat(jwks.getKeyByKeyId(issuer + "-v1")).isNotNull();
        assertThat(jwks.getKeyByKeyId(issuer + "-v2")).isNotNull();
        assertThat(verifiesWithNimbus(before.jwt(), jwks)).isTrue();
        assertThat(verifiesWithNimbus(after.jwt(), jwks)).isTrue();
        assertThat(credentials.verify(before.jwt()).status()).isEqualTo(Status.VALID);
        assertThat(credentials.verify(after.jwt()).status()).isEqualTo(Status.VALID);
        long audited = DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event where action = 'credential.key.rotate' and object_id = ?""")
                .param(String.valueOf(issuer)).query(Long.class).single());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void revocationSetsTheBitInTheSignedStatusListAndVerifySaysRevoked() throws Exception {
        long issuer = newIssuer();
        IssuedCredential kept = credentials.issue(claim(issuer));
        IssuedCredential revoked = credentials.issue(claim(issuer));
        assertThat(revoked.statusListIndex()).isNotEqualTo(kept.statusListIndex());
        JsonNode entry = payload(revoked.jwt()).path("credentialStatus");
        assertThat(entry.path("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(entry.path("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(entry.path("statusListIndex").asText()).isEqualTo(String.valueOf(revoked.statusListIndex()));
        String listUrl = entry.path("statusListCredential").asText();
        assertThat(listUrl).endsWith("/credentials/status/" + issuer);

        credentials.revoke(revoked.credentialId());
        credentials.revoke(revoked.credentialId());

        String listJwt = mvc.perform(get("/credentials/status/" + issuer)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/vc+jwt"))
                .andReturn().getResponse().getContentAsString();
        assertThat(verifiesWithNimbus(listJwt, publishedKeys())).isTrue();
        assertThat(credentials.verify(listJwt).status()).isEqualTo(Status.VALID);
        JsonNode list = payload(listJwt);
        assertThat(list.path("type").toString()).contains("BitstringStatusListCredential");
        assertThat(list.path("id").asText()).isEqualTo(listUrl);
        JsonNode subject = list.path("credentialSubject");
        assertThat(subject.path("type").asText()).isEqualTo("BitstringStatusList");
        assertThat(subject.path("statusPurpose").asText()).isEqualTo("revocation");
        byte[] bits = decodeList(subject.path("encodedList").asText());
        assertThat(bits.length * 8).isGreaterThanOrEqualTo(131_072);
        assertThat(bit(bits, revoked.statusListIndex())).isTrue();
        assertThat(bit(bits, kept.statusListIndex())).isFalse();

        CredentialCheck check = credentials.verify(revoked.jwt());
        assertThat(check.valid()).isFalse();
        assertThat(check.status()).isEqualTo(Status.REVOKED);
        assertThat(check.message()).contains("吊销");
        assertThat(check.credentialId()).isEqualTo(revoked.credentialId());
        assertThat(credentials.verify(kept.jwt()).status()).isEqualTo(Status.VALID);
        long audited = DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event where action = 'credential.revoke' and object_id = ?""")
                .param(revoked.credentialId().toString()).query(Long.class).single());
        assertThat(audited).as("revoked twice, changed and audited once").isEqualTo(1);
    }

    @Test
    void revokingAnUnknownCredentialIsNotFound() {
        assertThatThrownBy(() -> credentials.revoke(UUID.randomUUID())).isInstanceOf(NotFound.class);
    }

    @Test
    void validityDatesAreChecked() {
        long issuer = newIssuer();
        Instant now = Instant.now();
        IssuedCredential expired = credentials.issue(claim(issuer, now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(35))));
        IssuedCredential future = credentials.issue(claim(issuer, now.plus(Duration.ofDays(30)), null));

        assertThat(credentials.verify(expired.jwt()).status()).isEqualTo(Status.EXPIRED);
        assertThat(credentials.verify(future.jwt()).status()).isEqualTo(Status.NOT_YET_VALID);
        assertThat(credentials.verify(future.jwt()).valid()).isFalse();
    }

    @Test
    void issuingTheSameCredentialTwiceReturnsTheStoredOne() {
        AchievementClaim claim = claim(newIssuer());
        IssuedCredential first = credentials.issue(claim);
        IssuedCredential second = credentials.issue(claim);

        assertThat(second).isEqualTo(first);
        assertThat(credentials.jwt(claim.credentialId())).contains(first.jwt());
        long stored = DataScope.asSystem(() -> jdbc.sql("select count(*) from credential where id = ?")
                .param(claim.credentialId()).query(Long.class).single());
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void theCredentialIsServedAsJwtAndAsAJsonDownload() throws Exception {
        IssuedCredential issued = credentials.issue(claim(newIssuer()));

        mvc.perform(get("/credentials/" + issued.credentialId() + ".jwt"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/vc+jwt"))
                .andExpect(content().string(issued.jwt()));
        String json = mvc.perform(get("/credentials/" + issued.credentialId() + ".json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JSON.readTree(json)).isEqualTo(payload(issued.jwt()));
    }

    @Test
    void anUnknownCredentialIdIsNotFoundAndSaysNothingMore() throws Exception {
        for (String path : new String[] {"/credentials/" + UUID.randomUUID() + ".jwt",
                "/credentials/" + UUID.randomUUID() + ".json", "/credentials/not-a-uuid.jwt"}) {
            String body = mvc.perform(get(path)).andExpect(status().isNotFound()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).doesNotContain("张三").doesNotContain("credential ");
        }
        mvc.perform(get("/credentials/status/" + newIssuer())).andExpect(status().isNotFound());
    }

    @Test
    void theVerificationApiAcceptsTextAndJsonWithoutSignIn() throws Exception {
        IssuedCredential issued = credentials.issue(claim(newIssuer()));

        mvc.perform(post("/api/v1/credentials/verify").contentType(MediaType.TEXT_PLAIN).content(issued.jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.credentialId").value(issued.credentialId().toString()));
        mvc.perform(post("/api/v1/credentials/verify").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"credential\":\"" + issued.jwt() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void malformedInputGetsAClearBadRequestNeverAServerError() throws Exception {
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"vc+jwt\"}".getBytes(StandardCharsets.UTF_8)) + ".e30.";
        String[][] bodies = {
                {MediaType.TEXT_PLAIN_VALUE, "这不是凭证"},
                {MediaType.TEXT_PLAIN_VALUE, "a.b.c"},
                {MediaType.TEXT_PLAIN_VALUE, unsigned},
                {MediaType.TEXT_PLAIN_VALUE, ""},
                {MediaType.APPLICATION_JSON_VALUE, "{\"credential\": 5}"},
                {MediaType.APPLICATION_JSON_VALUE, "{not json"},
                {MediaType.APPLICATION_JSON_VALUE, "[]"},
        };
        for (String[] body : bodies) {
            mvc.perform(post("/api/v1/credentials/verify").contentType(body[0]).content(body[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value("MALFORMED"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("vc+jwt")));
        }
        mvc.perform(get("/credentials/status/abc")).andExpect(status().isBadRequest());
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = CredentialsTest.class.getResourceAsStream(
                "/openbadges-3.0/achievementcredential.schema.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in, config);
        }
    }

    private static byte[] decodeList(String encoded) throws IOException {
        assertThat(encoded).startsWith("u");
        byte[] gzipped = Base64.getUrlDecoder().decode(encoded.substring(1));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    private static boolean bit(byte[] bits, long index) {
        return (bits[(int) (index / 8)] & (0x80 >>> (index % 8))) != 0;
    }
}
