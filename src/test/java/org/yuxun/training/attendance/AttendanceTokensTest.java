package org.yuxun.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class AttendanceTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "HmacSHA256");

    private static AttendanceTokens at(Instant now) {
        return new AttendanceTokens(KEY, Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(30));
    }

    @Test
    void aFreshTokenVerifiesToItsSessionAndDirection() {
        String code = at(NOW).issue(42, Direction.OUT);
        AttendanceToken token = at(NOW.plusSeconds(10)).verify(code);
        assertThat(token.sessionId()).isEqualTo(42);
        assertThat(token.direction()).isEqualTo(Direction.OUT);
        assertThat(token.issuedAt()).isEqualTo(NOW);
        assertThat(code).matches("[A-Za-z0-9_-]+").hasSizeLessThan(60);
    }

    @Test
    void everyIssuedTokenHasItsOwnId() {
        AttendanceTokens tokens = at(NOW);
        assertThat(tokens.verify(tokens.issue(1, Direction.IN)).id())
                .isNotEqualTo(tokens.verify(tokens.issue(1, Direction.IN)).id());
    }

    @Test
    void refusesATokenOlderThanItsLifetimeAsExpired() {
        String code = at(NOW).issue(42, Direction.IN);
        assertThat(at(NOW.plusSeconds(30)).verify(code).sessionId()).isEqualTo(42);
        assertRefused(() -> at(NOW.plusSeconds(31)).verify(code), CheckInRefused.Reason.EXPIRED);
    }

    @Test
    void refusesATokenWhoseSessionWasChangedAsForged() {
        String code = at(NOW).issue(42, Direction.IN);
        AttendanceTokens tokens = at(NOW);
        String otherSession = tokens.encode(new AttendanceToken(43, Direction.IN, NOW, 7));
        String tampered = code.substring(0, 10) + otherSession.substring(10, 20) + code.substring(20);
        assertRefused(() -> tokens.verify(tampered), CheckInRefused.Reason.FORGED);
    }

    @Test
    void refusesATokenSignedWithAnotherKeyAsForged() {
        AttendanceTokens foreign = new AttendanceTokens(new SecretKeySpec(new byte[] {1, 2, 3, 4}, "HmacSHA256"),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
        String code = foreign.issue(42, Direction.IN);
        assertRefused(() -> at(NOW).verify(code), CheckInRefused.Reason.FORGED);
    }

    @Test
    void refusesGarbageAndEmptyCodesAsForged() {
        AttendanceTokens tokens = at(NOW);
        assertRefused(() -> tokens.verify(null), CheckInRefused.Reason.FORGED);
        assertRefused(() -> tokens.verify(""), CheckInRefused.Reason.FORGED);
        assertRefused(() -> tokens.verify("not a token!"), CheckInRefused.Reason.FORGED);
        assertRefused(() -> tokens.verify("AAAA"), CheckInRefused.Reason.FORGED);
        assertRefused(() -> tokens.verify("x".repeat(500)), CheckInRefused.Reason.FORGED);
    }

    @Test
    void refusesATokenIssuedInTheFuture() {
        String code = at(NOW.plusSeconds(60)).issue(42, Direction.IN);
        assertRefused(() -> at(NOW).verify(code), CheckInRefused.Reason.FORGED);
    }

    private static void assertRefused(Runnable verification, CheckInRefused.Reason reason) {
        assertThatThrownBy(verification::run).isInstanceOf(CheckInRefused.class)
                .extracting(e -> ((CheckInRefused) e).reason()).isEqualTo(reason);
    }
}
