package org.yuxun.training.attendance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * When a session takes place and what kind it is: what check-in, check-out and online study are measured against.
 *
 * @param kind {@code THEORY}, {@code PRACTICE} or {@code ONLINE}
 */
public record SessionWindow(long id, long classId, long institutionId, String kind, Instant startsAt,
                            Instant endsAt, BigDecimal hours) {

    /** Check-in opens a while before the start (learners arrive early) and closes when the session ends. */
    boolean checkInOpen(Instant now, AttendanceSettings settings) {
        return !now.isBefore(startsAt.minus(settings.checkInOpensBefore())) && !now.isAfter(endsAt);
    }

    /** Check-out opens at the start and stays open a while after the end (clearing up the workshop). */
    boolean checkOutOpen(Instant now, AttendanceSettings settings) {
        return !now.isBefore(startsAt) && !now.isAfter(endsAt.plus(settings.checkOutClosesAfter()));
    }

    boolean practice() {
        return "PRACTICE".equals(kind);
    }

    boolean online() {
        return "ONLINE".equals(kind);
    }

    boolean inProgress(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    long seconds() {
        return hours.multiply(BigDecimal.valueOf(3600)).longValue();
    }

    Duration length() {
        return Duration.between(startsAt, endsAt);
    }
}
