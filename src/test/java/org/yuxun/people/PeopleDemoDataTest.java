package org.yuxun.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.IdentityNumber;

@IntegrationTest
class PeopleDemoDataTest {

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonRegistry registry;

    @Test
    void theLearnerAccountIsWangXiaomingAndTheTeacherHasAStaffRecord() {
        Long learner = accounts.load("learner").dataScope().personId();
        Long teacher = accounts.load("teacher").dataScope().personId();

        assertThat(learner).isNotNull();
        assertThat(name(learner)).isEqualTo("王小明");
        assertThat(teacher).isNotNull();
        assertThat(name(teacher)).isEqualTo("王强");
        assertThat(system("select relation from person_link where person_id = ?", teacher))
                .containsExactly("STAFF");
    }

    @Test
    void oneLearnerIsSharedByBothColleges() {
        List<String> colleges = system("""
                select i.name from person_link l join institution i on i.id = l.org_id
                join person p on p.id = l.person_id where p.name = '罗欣' and l.org_kind = 'INSTITUTION'
                order by i.name""");

        assertThat(colleges).containsExactly("宁波海港职业技术学院", "浙江育训职业技术学院");
    }

    @Test
    void includesARareCharacterNameAndEnterpriseWorkers() {
        assertThat(system("select name from person where name like '陈%祥'")).containsExactly("陈𠮷祥");
        assertThat(system("select relation from person_link where org_kind = 'ENTERPRISE'"))
                .hasSizeGreaterThanOrEqualTo(5).containsOnly("EMPLOYEE");
        assertThat(system("select document_type from person where document_type <> 'RESIDENT_ID_CARD'"))
                .contains("HK_MACAO_RESIDENCE_PERMIT", "TAIWAN_RESIDENCE_PERMIT", "PASSPORT");
    }

    @Test
    void everyDemoIdentityNumberIsValid() {
        List<Long> ids = DataScope.asSystem(() -> jdbc.sql("""
                        select id from person where document_type = 'RESIDENT_ID_CARD'
                          and created_at = (select created_at from app_user where username = 'admin')
                        order by id""")
                .query(Long.class).list());

        assertThat(ids).hasSizeGreaterThanOrEqualTo(25);
        for (long id : ids) {
            String number = DataScope.asSystem(() -> registry.reveal(id));
            assertThat(IdentityNumber.isValid(number)).as("person %d", id).isTrue();
        }
    }

    private String name(long id) {
        return DataScope.asSystem(() -> jdbc.sql("select name from person where id = ?").param(id)
                .query(String.class).single());
    }

    private List<String> system(String sql, Object... params) {
        return DataScope.asSystem(() -> jdbc.sql(sql).params(params).query(String.class).list());
    }
}
