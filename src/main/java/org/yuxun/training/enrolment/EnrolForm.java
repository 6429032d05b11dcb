package org.yuxun.training.enrolment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yuxun.shared.DocumentType;
import org.yuxun.training.EnrolmentManagement.EnrolPerson;
import org.yuxun.training.EnrolmentPriorityGroup;

/** A learner as staff, enterprise HR or the learner themselves enter them. */
record EnrolForm(
        @NotBlank @Size(max = 50) String name,
        @NotNull DocumentType documentType,
        @NotBlank @Size(max = 40) String documentNumber,
        @Size(max = 30) String phone,
        EnrolmentPriorityGroup priorityGroup) {

    static EnrolForm empty() {
        return new EnrolForm("", DocumentType.RESIDENT_ID_CARD, "", "", EnrolmentPriorityGroup.NONE);
    }

    EnrolPerson person() {
        return new EnrolPerson(name, documentType, documentNumber, phone == null || phone.isBlank() ? null : phone,
                priorityGroup);
    }

    @Override
    public String toString() {
        return "EnrolForm[" + documentType + "]";
    }
}
