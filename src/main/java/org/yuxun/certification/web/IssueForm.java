package org.yuxun.certification.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.yuxun.certification.CertificateKind;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.CertificateManagement.ManualIssue;
import org.yuxun.shared.DocumentType;

/** A certificate issued by hand. */
record IssueForm(
        @NotNull CertificateKind kind,
        @NotNull DocumentType documentType,
        @NotBlank @Size(max = 40) String holderDocument,
        @NotBlank @Size(max = 50) String holderName,
        @NotBlank @Size(max = 100) String title,
        @Size(max = 50) String occupation,
        @Min(1) @Max(5) Integer skillLevel,
        @DecimalMin("0") @DecimalMax("9999") BigDecimal hours,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {

    static IssueForm empty() {
        return new IssueForm(CertificateKind.TRAINING, DocumentType.RESIDENT_ID_CARD, "", "", "", "", null, null,
                LocalDate.now(CertificateManagement.ZONE), null);
    }

    /** @throws org.yuxun.shared.InvalidInput at {@code holderDocument} when the number is not valid */
    ManualIssue command() {
        return new ManualIssue(kind, CertificateManagement.document(documentType, holderDocument, "holderDocument"),
                holderName.strip(), title.strip(), occupation == null || occupation.isBlank() ? null : occupation.strip(),
                kind == CertificateKind.TRAINING ? null : skillLevel, hours, issuedOn, validUntil);
    }
}
