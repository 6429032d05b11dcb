package org.yuxun.training.catalogue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** A weekly pattern: on these weekdays, between these dates, one session at this time. */
record PatternForm(
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        List<DayOfWeek> weekdays,
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime start,
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime end,
        @NotNull SessionKind kind,
        Long teacherId,
        Long venueId,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 2, fraction = 1) BigDecimal hours,
        @Size(max = 200) String topic) {

    static PatternForm empty(ClassManagement.ClassView c) {
        return new PatternForm(c.startDate(), c.endDate(), List.of(DayOfWeek.SATURDAY), LocalTime.of(9, 0),
                LocalTime.of(12, 0), SessionKind.THEORY, c.headTeacherId(), null, BigDecimal.valueOf(3), "");
    }

    Schedule.Pattern pattern() {
        return new Schedule.Pattern(from, to, weekdays == null || weekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class)
                : EnumSet.copyOf(weekdays), start, end, kind, teacherId, venueId, hours, topic);
    }
}
