package org.yuxun.certification.internal;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.shared.jobs.JobContext;
import org.yuxun.shared.jobs.JobHandler;

/**
 * Issues the certificates of a whole class in the background, in the data scope of the staff member who asked,
 * with progress per learner. Re-running it issues nothing twice: a learner with a certificate keeps it.
 */
@Component
public class ClassIssueJob implements JobHandler {

    public static final String KIND = "certification.class.issue";

    private final CertificateManagement certificates;

    ClassIssueJob(CertificateManagement certificates) {
        this.certificates = certificates;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Object run(JobContext context) {
        long classId = context.number("classId");
        long total = certificates.completedLearners(classId);
        context.progress(0, total);
        int created = certificates.issueForClass(classId, done -> {
            if (done % 20 == 0) {
                context.progress(done, total);
            }
        });
        return Map.of("created", created, "total", total, "link", "/classes/" + classId + "/certificates");
    }
}
