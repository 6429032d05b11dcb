package org.yuxun.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A salted SHA-256 of an identifier: {@code hex(sha256(normalised value + salt))} with a fresh random salt, where
 * the value is trimmed and upper-cased (an identity number's check character X is the same as x). Whoever knows the
 * value can confirm it against the digest and its salt; nobody can read the value back, and the same value salted
 * twice gives unrelated digests, so two credentials of one person cannot be linked by it (DESIGN.md, "Credential
 * format" and "Personal data (PIPL)").
 *
 * @param sha256 64 lowercase hex digits
 * @param salt 32 lowercase hex digits (16 random bytes)
 */
public record SaltedDigest(String sha256, String salt) {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX_32 = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public SaltedDigest {
        if (sha256 == null || !HEX_64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
        }
        if (salt == null || !HEX_32.matcher(salt).matches()) {
            throw new IllegalArgumentException("salt must be 32 lowercase hex digits");
        }
    }

    /** The value's digest under a fresh salt. */
    public static SaltedDigest of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Nothing to digest");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return new SaltedDigest(sha256Hex(value.trim().toUpperCase(Locale.ROOT) + saltHex), saltHex);
    }

    /** Whether this is the digest of the value. */
    public boolean matches(String value) {
        return value != null && MessageDigest.isEqual(sha256.getBytes(StandardCharsets.US_ASCII),
                sha256Hex(value.trim().toUpperCase(Locale.ROOT) + salt).getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Says nothing about the value, like the digest itself, but keeps logs short. */
    @Override
    public String toString() {
        return "SaltedDigest[" + sha256.substring(0, 8) + "…]";
    }
}
