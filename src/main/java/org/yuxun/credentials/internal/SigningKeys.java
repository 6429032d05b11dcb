package org.yuxun.credentials.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.shared.MasterKey;

/**
 * The issuers' ES256 (P-256) key pairs (docs/adr/0006-signing-keys.md). A key is created on an issuer's first
 * issuance; the private key is kept AES-256-GCM wrapped under a key derived from the master key, with the kid as
 * associated data so a wrapped key cannot be moved to another kid. Rotation adds version n+1; earlier versions
 * stay, retired, so credentials they signed keep verifying against the JWKS.
 */
@Component
public class SigningKeys {

    /** The key currently used to sign for an issuer. */
    public record SigningKey(long issuerId, int version, String kid, ECKey publicJwk, ECPrivateKey privateKey) {
    }

    /** A key as the JWKS and the staff page show it: public part only. */
    public record PublishedKey(long issuerId, int version, String kid, ECKey publicJwk, Instant createdAt,
                               Instant retiredAt) {
    }

    private static final int IV_BYTES = 12;

    private final JdbcClient jdbc;
    private final SecretKey wrapping;
    private final SecureRandom random = new SecureRandom();
    /**
     * Keys already unwrapped, by kid: unwrapping and parsing a key cost more than signing with it, and a class's
     * certificates are all signed with the same one. The row is still read every time, so a rotation takes effect at
     * once; a copy is used only while the stored row is unchanged.
     */
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.wrapping = masterKey.derive("signing.key.wrapping", "AES");
    }

    /** The issuer's current key, created as version 1 on first use (concurrent first uses agree on one). */
    public SigningKey current(long issuerId) {
        return currentIfAny(issuerId).orElseGet(() -> {
            insert(issuerId, 1);
            return currentIfAny(issuerId).orElseThrow();
        });
    }

    /** The issuer's current key, if it has one that the caller's scope may see. */
    public Optional<SigningKey> currentIfAny(long issuerId) {
        return jdbc.sql("""
                        select issuer_id, version, kid, public_jwk, wrapped_private_key from credential_signing_key
                        where issuer_id = ? and retired_at is null order by version desc limit 1""")
                .param(issuerId)
                .query((rs, n) -> opened(rs.getLong("issuer_id"), rs.getInt("version"), rs.getString("kid"),
                        rs.getString("public_jwk"), rs.getBytes("wrapped_private_key")))
                .optional();
    }

    /** A stored key unwrapped, or the copy unwrapped before when the stored row is byte for byte the same. */
    private SigningKey opened(long issuerId, int version, String kid, String publicJwk, byte[] wrapped) {
        Opened known = opened.get(kid);
        if (known != null && known.issuerId() == issuerId && known.publicJwk().equals(publicJwk)
                && Arrays.equals(known.wrapped(), wrapped)) {
            return known.key();
        }
        SigningKey key = new SigningKey(issuerId, version, kid, parse(publicJwk), unwrap(wrapped, kid));
        opened.put(kid, new Opened(issuerId, publicJwk, wrapped, key));
        return key;
    }

    /** An unwrapped key with the stored row it came from. */
    private record Opened(long issuerId, String publicJwk, byte[] wrapped, SigningKey key) {
    }

    /** The kid of the issuer's current key, if it has one the caller's scope may see. */
    public Optional<String> currentKid(long issuerId) {
        return jdbc.sql("select kid from credential_signing_key where issuer_id = ? and retired_at is null")
                .param(issuerId).query(String.class).optional();
    }

    /** Any published key by its kid, retired or not. */
    public Optional<PublishedKey> byKid(String kid) {
        return jdbc.sql(SELECT_PUBLISHED + " where kid = ?").param(kid).query(this::published).optional();
    }

    /** Every key the caller's scope may see, in issuer and version order. */
    public List<PublishedKey> all() {
        return jdbc.sql(SELECT_PUBLISHED + " order by issuer_id, version").query(this::published).list();
    }

    /**
     * Retires the issuer's current key and creates the next version. Returns the new key, or empty when the issuer
     * has no key the caller may see (not found, or outside their scope).
     */
    public Optional<PublishedKey> rotate(long issuerId) {
        Optional<Integer> latest = jdbc.sql("""
                        select version from credential_signing_key where issuer_id = ?
                        order by version desc limit 1 for update""")
                .param(issuerId).query(Integer.class).optional();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("update credential_signing_key set retired_at = now() where issuer_id = ? and retired_at is null")
                .param(issuerId).update();
        String kid = insert(issuerId, latest.get() + 1);
        return byKid(kid);
    }

    private static final String SELECT_PUBLISHED = """
            select issuer_id, version, kid, public_jwk, created_at, retired_at from credential_signing_key""";

    private PublishedKey published(ResultSet rs, int n) throws SQLException {
        Timestamp retired = rs.getTimestamp("retired_at");
        return new PublishedKey(rs.getLong("issuer_id"), rs.getInt("version"), rs.getString("kid"),
                parse(rs.getString("public_jwk")), rs.getTimestamp("created_at").toInstant(),
                retired == null ? null : retired.toInstant());
    }

    private String insert(long issuerId, int version) {
        String kid = issuerId + "-v" + version;
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
            jdbc.sql("""
                            insert into credential_signing_key (issuer_id, version, kid, public_jwk, wrapped_private_key)
                            values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(issuerId, version, kid, key.toPublicJWK().toJSONString(),
                            wrap(key.toECPrivateKey().getEncoded(), kid))
                    .update();
            return kid;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot create a P-256 key pair", e);
        }
    }

    private byte[] wrap(byte[] pkcs8, String kid) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, wrapping, new GCMParameterSpec(128, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(pkcs8);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap a signing key", e);
        }
    }

    private ECPrivateKey unwrap(byte[] wrapped, String kid) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, wrapping, new GCMParameterSpec(128, wrapped, 0, IV_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] pkcs8 = cipher.doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES);
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot unwrap signing key " + kid
                    + ": was the master key changed?", e);
        }
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored public key is not a JWK", e);
        }
    }
}
