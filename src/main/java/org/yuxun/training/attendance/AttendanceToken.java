package org.yuxun.training.attendance;

import java.time.Instant;

/**
 * What the QR code on the teacher's screen says: check in (or out) of this session, issued at this second. The
 * random nonce makes every code unique, so the code a learner used is recorded with the check-in and cannot be
 * used by them again.
 *
 * @param sessionId the session (课次) the code is for
 * @param direction check-in or check-out
 * @param issuedAt when the teacher's page produced the code, to the second
 * @param nonce random, unique per code
 */
public record AttendanceToken(long sessionId, Direction direction, Instant issuedAt, long nonce) {

    /** The identifier stored with a check-in: a replay of the same code is refused by a unique index on it. */
    public String id() {
        return Long.toUnsignedString(nonce, 36);
    }
}
