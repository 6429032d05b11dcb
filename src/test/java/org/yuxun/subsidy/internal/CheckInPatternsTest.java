package org.yuxun.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yuxun.training.AttendanceRates.CheckInEvidence;
import org.yuxun.training.ClaimEvidence.SessionWindow;

class CheckInPatternsTest {

    static final Instant START = Instant.parse("2026-10-02T01:00:00Z");
    static final List<SessionWindow> SESSIONS = List.of(new SessionWindow(7, START, START.plusSeconds(3 * 3600),
            "老年人生活照料"));

    static CheckInEvidence checkIn(long person, Instant at, String device, String ip) {
        return new CheckInEvidence(person * 10, 7, 100 + person, person, "IN", at, "QR", device, ip, "ua", false);
    }

    @Test
    void flagsACheckInOutsideItsSessionsTime() {
        var found = CheckInPatterns.findings(SESSIONS, List.of(
                checkIn(1, START.minus(Duration.ofMinutes(10)), "d1", "10.0.0.1"),
                checkIn(2, START.plus(Duration.ofHours(4)), "d2", "10.0.0.2")), Duration.ofSeconds(10), 5);
        assertThat(found).containsOnlyKeys(102L);
        assertThat(found.get(102L).getFirst()).isEqualTo("签到时间 2026-10-02 13:00:00 不在课次时间（2026-10-02 09:00–12:00）内");
    }

    @Test
    void flagsLearnersWhoCheckedInFromOneDevice() {
        var found = CheckInPatterns.findings(SESSIONS, List.of(
                checkIn(1, START, "shared", "10.0.0.1"),
                checkIn(2, START.plusSeconds(3), "shared", "10.0.0.2"),
                checkIn(3, START.plusSeconds(5), "own", "10.0.0.3")), Duration.ofSeconds(10), 5);
        assertThat(found).containsOnlyKeys(101L, 102L);
        assertThat(found.get(101L)).containsExactly("与其他 1 名学员使用同一设备签到（2026-10-02 课次）");
    }

    @Test
    void flagsABurstFromOneAddressButNotAClassroomSharingItsWifi() {
        List<CheckInEvidence> burst = new ArrayList<>();
        for (int p = 1; p <= 5; p++) {
            burst.add(checkIn(p, START.plusSeconds(p), "d" + p, "10.9.9.9"));
        }
        assertThat(CheckInPatterns.findings(SESSIONS, burst, Duration.ofSeconds(10), 5)).hasSize(5)
                .allSatisfy((k, v) -> assertThat(v).containsExactly("5 名学员在 10 秒内从同一网络地址签到（2026-10-02 课次）"));
        List<CheckInEvidence> spread = new ArrayList<>();
        for (int p = 1; p <= 5; p++) {
            spread.add(checkIn(p, START.plusSeconds(p * 30L), "d" + p, "10.9.9.9"));
        }
        assertThat(CheckInPatterns.findings(SESSIONS, spread, Duration.ofSeconds(10), 5)).isEmpty();
    }

    @Test
    void ignoresVoidedCheckIns() {
        var voided = new CheckInEvidence(1, 7, 101, 1, "IN", START.plusSeconds(86400), "QR", "d", "ip", "ua", true);
        assertThat(CheckInPatterns.findings(SESSIONS, List.of(voided), Duration.ofSeconds(10), 5)).isEmpty();
    }
}
