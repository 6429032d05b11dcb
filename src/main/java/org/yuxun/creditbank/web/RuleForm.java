package org.yuxun.creditbank.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.yuxun.creditbank.internal.ConversionRules;
import org.yuxun.creditbank.internal.ConversionRules.Rule;

/** A conversion rule as typed: the outcome it accepts, its conditions, and course lines (course, credits). */
record RuleForm(String name, String outcomeType, String certificateKind, Integer skillLevel, String titleKeyword,
                Long trainingProgrammeId, Integer maxAgeYears,
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
                List<Long> courseIds, List<BigDecimal> courseCredits, Integer version) {

    /** Lines shown on the form: at least this many, so there are blank ones to fill in. */
    static final int LINES = 3;

    RuleForm {
        int size = Math.max(LINES, Math.max(courseIds == null ? 0 : courseIds.size(),
                courseCredits == null ? 0 : courseCredits.size()));
        courseIds = padded(courseIds, size);
        courseCredits = padded(courseCredits, size);
    }

    private static <T> List<T> padded(List<T> values, int size) {
        List<T> l = new ArrayList<>(values == null ? List.of() : values);
        while (l.size() < size) {
            l.add(null);
        }
        return l;
    }

    static RuleForm empty(LocalDate today) {
        return new RuleForm("", "CERTIFICATE", "TRAINING", null, "", null, 3, today, null, null, null, 0);
    }

    static RuleForm of(Rule r) {
        List<Long> ids = new ArrayList<>();
        List<BigDecimal> credits = new ArrayList<>();
        r.courses().forEach(c -> {
            ids.add(c.courseId());
            credits.add(c.credits());
        });
        return new RuleForm(r.name(), r.outcomeType(), r.certificateKind(), r.skillLevel(), r.titleKeyword(),
                r.trainingProgrammeId(), r.maxAgeYears(), r.validFrom(), r.validUntil(), ids, credits, r.version());
    }

    ConversionRules.Draft draft() {
        Map<Long, BigDecimal> lines = new LinkedHashMap<>();
        List<Long> ids = courseIds == null ? List.of() : courseIds;
        for (int i = 0; i < ids.size(); i++) {
            BigDecimal credit = courseCredits != null && i < courseCredits.size() ? courseCredits.get(i) : null;
            if (ids.get(i) != null) {
                lines.put(ids.get(i), credit == null ? BigDecimal.ZERO : credit);
            }
        }
        return new ConversionRules.Draft(name, outcomeType, certificateKind, skillLevel, titleKeyword,
                trainingProgrammeId, maxAgeYears, validFrom, validUntil, lines);
    }
}
