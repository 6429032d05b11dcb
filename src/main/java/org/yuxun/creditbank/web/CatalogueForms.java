package org.yuxun.creditbank.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.yuxun.people.RegisterPerson;
import org.yuxun.shared.DocumentType;

/** The forms of the academic catalogue pages. */
final class CatalogueForms {

    private CatalogueForms() {
    }

    record MajorForm(String code, String name, Integer version) {
        static MajorForm empty() {
            return new MajorForm("", "", 0);
        }
    }

    record ProgrammeForm(Long majorId, String name, String level, BigDecimal totalCredits, Integer version) {
        static ProgrammeForm empty() {
            return new ProgrammeForm(null, "", "JUNIOR_COLLEGE", new BigDecimal("120"), 0);
        }
    }

    record CourseForm(Long programmeId, String code, String name, BigDecimal credits, String category,
                      Integer version) {
        static CourseForm empty() {
            return new CourseForm(null, "", "", null, "CORE", 0);
        }
    }

    record StudentForm(Long programmeId, String studentNumber, DocumentType documentType, String documentNumber,
                       String name, String phone, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate enrolledOn) {
        static StudentForm empty() {
            return new StudentForm(null, "", DocumentType.RESIDENT_ID_CARD, "", "", "", null);
        }

        RegisterPerson person() {
            return new RegisterPerson(documentType, documentNumber, name, phone);
        }

        /** The document number never goes back to the page after an error. */
        StudentForm withoutNumber() {
            return new StudentForm(programmeId, studentNumber, documentType, "", name, phone, enrolledOn);
        }
    }

    static int version(Integer v) {
        return v == null ? 0 : v;
    }
}
