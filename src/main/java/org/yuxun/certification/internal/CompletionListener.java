package org.yuxun.certification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.shared.DataScope;
import org.yuxun.training.EnrolmentCompleted;

/**
 * Issues what completion earns when training announces it (DESIGN.md, "What a programme issues"). Runs after the
 * completing transaction commits, with no signed-in user, so it acts in system scope; the event publication
 * registry redelivers it after a crash, and issuing is idempotent per enrolment.
 */
@Component
class CompletionListener {

    private final CertificateManagement certificates;

    CompletionListener(CertificateManagement certificates) {
        this.certificates = certificates;
    }

    @ApplicationModuleListener
    void on(EnrolmentCompleted event) {
        if (event.completed() && !"NONE".equals(event.completionAward())) {
            DataScope.asSystem(() -> certificates.issueForEnrolment(event.enrolmentId()));
        }
    }
}
