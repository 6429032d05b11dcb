package org.yuxun.training.enrolment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuxun.shared.jobs.JobHandler;
import org.yuxun.shared.jobs.JobContext;

/** The two background jobs of a roster import: checking the file, and enrolling its valid rows. */
@Configuration(proxyBeanMethods = false)
class RosterImportJobs {

    @Bean
    JobHandler rosterCheckJob(RosterImport imports) {
        return new JobHandler() {
            @Override
            public String kind() {
                return RosterImport.VALIDATE;
            }

            @Override
            public Object run(JobContext context) {
                return imports.validate(context);
            }
        };
    }

    @Bean
    JobHandler rosterEnrolJob(RosterImport imports) {
        return new JobHandler() {
            @Override
            public String kind() {
                return RosterImport.COMMIT;
            }

            @Override
            public Object run(JobContext context) {
                return imports.commit(context);
            }
        };
    }
}
