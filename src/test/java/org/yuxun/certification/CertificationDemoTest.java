package org.yuxun.certification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.IntegrationTest;
import org.yuxun.shared.DataScope;

/** The demo story's certificates: every state a newcomer should see. */
@IntegrationTest
class CertificationDemoTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLearnersWhoCompletedTheDemoClassHoldCertificatesAndOneIsRevokedWithItsReason() {
        DataScope.asSystem(() -> {
            long completedLearners = jdbc.sql("""
                            select count(*) from enrolment e join training_class c on c.id = e.class_id
                            join institution i on i.id = c.institution_id
                            where i.name = '浙江育训职业技术学院' and c.status = 'COMPLETED' and e.status = 'COMPLETED'
                              and c.name like '养老护理员%'""")
                    .query(Long.class).single();
            long certified = jdbc.sql("""
                            select count(*) from certificate c join training_class k on k.id = c.class_id
                            where k.name like '养老护理员%' and c.source = 'AUTO' and c.kind = 'TRAINING'""")
                    .query(Long.class).single();
            assertThat(completedLearners).isPositive();
            assertThat(certified).isEqualTo(completedLearners);
            assertThat(jdbc.sql("select count(*) from certificate where status = 'REVOKED' and revoked_reason like '经复核%'")
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("""
                            select count(*) from certificate c join app_user u on u.person_id = c.person_id
                            where u.username = 'learner'""").query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("""
                            select count(*) from certificate_template t join institution i on i.id = t.institution_id
                            where i.name = '浙江育训职业技术学院' and t.seal is not null""")
                    .query(Long.class).single()).isEqualTo(1);
        });
    }
}
