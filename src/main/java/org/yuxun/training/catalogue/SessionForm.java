package org.yuxun.training.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** What the session form posts. */
record SessionForm(
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime start,
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime end,
        @NotNull SessionKind kind,
        Long teacherId,
        Long venueId,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 2, fraction = 1) BigDecimal hours,
        @Size(max = 200) String topic,
        Integer version) {

    static SessionForm empty(LocalDate date) {
        return new SessionForm(date, LocalTime.of(9, 0), LocalTime.of(11, 0), SessionKind.THEORY, null, null,
                BigDecimal.valueOf(2), "", null);
    }

    static SessionForm of(Schedule.SessionView s) {
        return new SessionForm(s.date(), s.start().truncatedTo(ChronoUnit.MINUTES),
                s.end().truncatedTo(ChronoUnit.MINUTES), s.kind(), s.teacherId(), s.venueId(), s.hours(), s.topic(),
                s.version());
    }

    Schedule.SessionCommand command() {
        return new Schedule.SessionCommand(date, start, end, kind, teacherId, venueId, hours, topic);
    }
}
