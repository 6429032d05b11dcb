package org.yuxun.creditbank.internal;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yuxun.certification.CertificateIssued;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.CertificateRevoked;
import org.yuxun.certification.CertificateView;
import org.yuxun.certification.SkillLevel;
import org.yuxun.creditbank.OutcomeKind;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.shared.DataScope;
import org.yuxun.training.EnrolmentCompleted;

/**
 * Records learning outcomes when training and certification announce them (seeds/001 §二(九): 培训成果 "计入个人
 * 学习账号"). Runs after the announcing transaction commits, with no signed-in user, so in system scope; the event
 * publication registry redelivers after a crash and recording is idempotent per source. A revoked certificate marks
 * its outcome, whichever of the two events arrives first.
 */
@Component
class OutcomeListener {

    private final LearningAccounts accounts;
    private final CertificateManagement certificates;
    private final OrganizationDirectory organizations;
    private final JdbcClient jdbc;

    OutcomeListener(LearningAccounts accounts, CertificateManagement certificates,
                    OrganizationDirectory organizations, JdbcClient jdbc) {
        this.accounts = accounts;
        this.certificates = certificates;
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(EnrolmentCompleted event) {
        if (event.completed()) {
            DataScope.asSystem(() -> recordTraining(event));
        }
    }

    @ApplicationModuleListener
    void on(CertificateIssued event) {
        DataScope.asSystem(() -> recordCertificate(event));
    }

    @ApplicationModuleListener
    void on(CertificateRevoked event) {
        DataScope.asSystem(() -> accounts.markRevoked("CERTIFICATE", event.certificateId(), event.revokedOn(),
                event.reason()));
    }

    /** A completed class: the programme's name, the class's hours. The training tables are the contract. */
    void recordTraining(EnrolmentCompleted event) {
        String programme = jdbc.sql("select name from programme where id = ?").param(event.programmeId())
                .query(String.class).optional().orElse("培训项目");
        accounts.record(new LearningAccounts.NewOutcome(event.personId(), OutcomeKind.TRAINING, "ENROLMENT",
                event.enrolmentId(), programme, event.institutionId(),
                organizations.institutionName(event.institutionId()).orElse(""), event.programmeId(), null, null,
                null, event.hours(), true, LocalDate.ofInstant(event.completedAt(), CertificateManagement.ZONE)));
    }

    /**
     * A certificate: its title, kind and level. Its hours count only when it was not earned in a class, whose
     * training outcome counts them already.
     */
    void recordCertificate(CertificateIssued event) {
        CertificateView c = certificates.get(event.certificateId());
        String title = c.skillLevel() == null ? c.title() : c.title() + "（" + SkillLevel.name(c.skillLevel()) + "）";
        accounts.record(new LearningAccounts.NewOutcome(c.personId(), OutcomeKind.CERTIFICATE, "CERTIFICATE", c.id(),
                title, c.issuerId(), c.issuerName(), c.programmeId(), c.kind().name(), c.number(), c.skillLevel(),
                c.hours(), c.enrolmentId() == null, c.issuedOn()));
        if (c.revoked()) {
            accounts.markRevoked("CERTIFICATE", c.id(), c.revokedOn(), c.revokedReason());
        }
    }
}
