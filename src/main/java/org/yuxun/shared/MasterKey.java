package org.yuxun.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The master key (DESIGN.md, "Keys"): from {@code YUXUN_MASTER_KEY}, or for the embedded default generated once
 * into the data directory. Nothing is encrypted with it directly: each purpose (identity encryption, identity
 * lookup hash, signing-key wrapping) gets its own key derived with HKDF-SHA256 (RFC 5869), so one leaked derived
 * key reveals nothing of the others.
 */
@Component
public class MasterKey {

    private final byte[] key;

    public MasterKey(YuxunProperties properties) {
        this.key = load(properties);
    }

    /** A 256-bit key for one purpose, e.g. {@code "person.document.encryption"}. */
    public SecretKey derive(String purpose, String algorithm) {
        return new SecretKeySpec(hkdf(purpose), algorithm);
    }

    private byte[] hkdf(String info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] prk = mac.doFinal(key);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(info.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] load(YuxunProperties properties) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return decode(properties.masterKey().trim(), "YUXUN_MASTER_KEY");
        }
        if (!properties.db().embedded()) {
            throw new IllegalStateException("YUXUN_MASTER_KEY must be set when Yuxun uses an external database:"
                    + " base64 of 32 random bytes, e.g. `openssl rand -base64 32`. Keep it safe: without it"
                    + " encrypted identity numbers cannot be read.");
        }
        Path file = properties.dataDir().resolve("master.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file).trim(), file.toString());
            }
            Files.createDirectories(properties.dataDir());
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the directory's own protection applies
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key in " + source + " is not base64", e);
        }
        if (bytes.length < 32) {
            throw new IllegalStateException("The master key in " + source + " must be at least 32 bytes");
        }
        return bytes;
    }
}
