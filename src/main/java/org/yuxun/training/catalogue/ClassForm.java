package org.yuxun.training.catalogue;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** What the class form posts. */
record ClassForm(
        @NotNull Long programmeId,
        @NotBlank @Size(max = 100) String name,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
        @NotNull @Min(1) @Max(1_000_000) Integer capacity,
        Long headTeacherId,
        Long enterpriseId,
        List<Long> venueIds,
        Integer version) {

    static ClassForm empty(Long programmeId) {
        return new ClassForm(programmeId, "", null, null, 30, null, null, List.of(), null);
    }

    static ClassForm of(ClassManagement.ClassView c) {
        return new ClassForm(c.programmeId(), c.name(), c.startDate(), c.endDate(), c.capacity(), c.headTeacherId(),
                c.enterpriseId(), c.venues().stream().map(ProgrammeCatalogue.Named::id).toList(), c.version());
    }

    ClassManagement.ClassCommand command() {
        return new ClassManagement.ClassCommand(programmeId, name, startDate, endDate, capacity, headTeacherId,
                enterpriseId, venueIds == null ? List.of() : venueIds);
    }
}
