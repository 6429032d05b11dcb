package org.yuxun.training.attendance;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Issues and verifies the codes shown on the teacher's screen. A code is the session, direction, issue second
 * and a random nonce, signed with HMAC-SHA256 under a key derived for this purpose only, in 56 URL-safe
 * characters so the QR code stays easy to scan on a projector. Verification refuses a forged or garbled code and
 * one older than the token lifetime: a photo forwarded to a friend at home has expired by the time it is used.
 */
public class AttendanceTokens {

    private static final byte VERSION = 1;
    private static final int PAYLOAD = 1 + 8 + 1 + 8 + 8;
    private static final int MAC_BYTES = 16;
    /** Clocks of the server nodes may differ a little; a code "from the future" beyond this is not ours. */
    private static final Duration SKEW = Duration.ofSeconds(5);

    private final SecretKey key;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public AttendanceTokens(SecretKey key, Clock clock, Duration lifetime) {
        this.key = key;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A fresh code for the session, valid from now for the token lifetime. */
    public String issue(long sessionId, Direction direction) {
        return encode(new AttendanceToken(sessionId, direction, clock.instant(), random.nextLong()));
    }

    public String encode(AttendanceToken token) {
        ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD + MAC_BYTES);
        buffer.put(VERSION)
                .putLong(token.sessionId())
                .put((byte) token.direction().ordinal())
                .putLong(token.issuedAt().getEpochSecond())
                .putLong(token.nonce());
        buffer.put(mac(buffer.array(), PAYLOAD));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /**
     * The token the code stands for, if it is genuine and still fresh.
     *
     * @throws CheckInRefused {@code FORGED} for anything not signed by us, {@code EXPIRED} for a code older than
     *     the lifetime
     */
    public AttendanceToken verify(String code) {
        if (code == null || code.length() > 200) {
            throw new CheckInRefused(CheckInRefused.Reason.FORGED);
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(code.trim());
        } catch (IllegalArgumentException e) {
            throw new CheckInRefused(CheckInRefused.Reason.FORGED);
        }
        if (bytes.length != PAYLOAD + MAC_BYTES || bytes[0] != VERSION) {
            throw new CheckInRefused(CheckInRefused.Reason.FORGED);
        }
        byte[] expected = mac(bytes, PAYLOAD);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, PAYLOAD, bytes.length))) {
            throw new CheckInRefused(CheckInRefused.Reason.FORGED);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, PAYLOAD - 1);
        long sessionId = buffer.getLong();
        int direction = buffer.get();
        Instant issuedAt = Instant.ofEpochSecond(buffer.getLong());
        long nonce = buffer.getLong();
        if (direction < 0 || direction >= Direction.values().length) {
            throw new CheckInRefused(CheckInRefused.Reason.FORGED);
        }
        Instant now = clock.instant();
        if (issuedAt.isAfter(now.plus(SKEW))) {
            throw new CheckInRefused(CheckInRefused.Reason.FORGED);
        }
        if (now.isAfter(issuedAt.plus(lifetime))) {
            throw new CheckInRefused(CheckInRefused.Reason.EXPIRED);
        }
        return new AttendanceToken(sessionId, Direction.values()[direction], issuedAt, nonce);
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(data, 0, length);
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
