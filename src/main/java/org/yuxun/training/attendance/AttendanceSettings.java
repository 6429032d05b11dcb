package org.yuxun.training.attendance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The attendance rules that are policy rather than code (DESIGN.md, "Policy numbers are settings").
 *
 * @param tokenLifetime how long a QR token is accepted after it was issued; short, so a code forwarded to someone
 *     outside the room is useless by the time it arrives (DESIGN.md, "Attendance threats to stop")
 * @param tokenRotation how often the teacher's screen shows a new code
 * @param checkInOpensBefore how long before a session starts check-in opens
 * @param checkOutClosesAfter how long after a practice session ends check-out stays open
 * @param challengeMin shortest interval between two attention checks of online study
 * @param challengeMax longest interval between two attention checks of online study
 * @param challengeGrace how long a learner has to confirm an attention check before the time since it is dropped
 * @param maxCreditPerHeartbeat the most study time one heartbeat can earn, whatever the gap since the last one
 */
@ConfigurationProperties("yuxun.attendance")
public record AttendanceSettings(
        Duration tokenLifetime,
        Duration tokenRotation,
        Duration checkInOpensBefore,
        Duration checkOutClosesAfter,
        Duration challengeMin,
        Duration challengeMax,
        Duration challengeGrace,
        Duration maxCreditPerHeartbeat) {

    public AttendanceSettings {
        tokenLifetime = orDefault(tokenLifetime, Duration.ofSeconds(30));
        tokenRotation = orDefault(tokenRotation, Duration.ofSeconds(15));
        checkInOpensBefore = orDefault(checkInOpensBefore, Duration.ofMinutes(30));
        checkOutClosesAfter = orDefault(checkOutClosesAfter, Duration.ofMinutes(30));
        challengeMin = orDefault(challengeMin, Duration.ofMinutes(3));
        challengeMax = orDefault(challengeMax, Duration.ofMinutes(8));
        challengeGrace = orDefault(challengeGrace, Duration.ofMinutes(2));
        maxCreditPerHeartbeat = orDefault(maxCreditPerHeartbeat, Duration.ofSeconds(60));
        if (challengeMax.compareTo(challengeMin) < 0) {
            challengeMax = challengeMin;
        }
    }

    /** The defaults, for code and tests that build the attendance services without Spring. */
    public static AttendanceSettings defaults() {
        return new AttendanceSettings(null, null, null, null, null, null, null, null);
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
