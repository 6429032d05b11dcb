package org.yuxun.training.enrolment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yuxun.shared.DocumentType;
import org.yuxun.training.EnrolmentManagement.EnrolPerson;
import org.yuxun.training.EnrolmentPriorityGroup;

/**
 * A learner enrolling themselves: who they are, and the password of the learner account they get with the
 * enrolment (ignored when they already have one).
 */
record PublicEnrolForm(
        @NotBlank @Size(max = 50) String name,
        @NotNull DocumentType documentType,
        @NotBlank @Size(max = 40) String documentNumber,
        @Size(max = 30) String phone,
        EnrolmentPriorityGroup priorityGroup,
        String password,
        String confirmPassword) {

    static PublicEnrolForm empty() {
        return new PublicEnrolForm("", DocumentType.RESIDENT_ID_CARD, "", "", EnrolmentPriorityGroup.NONE, "", "");
    }

    EnrolPerson person() {
        return new EnrolForm(name, documentType, documentNumber, phone, priorityGroup).person();
    }

    @Override
    public String toString() {
        return "PublicEnrolForm[" + documentType + "]";
    }
}
