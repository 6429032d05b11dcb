package org.yuxun.scope;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yuxun.shared.CreditCode;
import org.yuxun.shared.DataScope;

/**
 * Two institutions in two regions, each with its own staff, partner enterprise, venue and audit trail. Every
 * record of institution A carries a unique marker, which nothing user B receives may contain.
 */
final class ScopeFixture {

    final String marker = "甲" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    long institutionA;
    long institutionB;
    long venueA;
    long enterpriseA;
    long userA;
    long programmeA;
    long documentA;
    long classA;
    long sessionA;
    long personA;
    /** A's learner: a name of Chinese characters only (names allow no digits), unique to this run. */
    String personNameA;
    String personDocumentA;
    long certificateA;
    String certificateNumberA;
    long claimA;
    long claimLineA;
    long majorA;
    long degreeProgrammeA;
    long courseA;
    long ruleA;
    long studentA;
    long applicationA;
    long lineA;
    long submissionA;
    long apprenticeshipA;
    long apprenticeA;
    String usernameA;
    String usernameB;

    private final JdbcClient jdbc;

    ScopeFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ScopeFixture create(PasswordEncoder passwords) {
        DataScope.asSystem(() -> {
            String suffix = marker.substring(1, 7);
            institutionA = jdbc.sql("""
                            insert into institution (name, kind, credit_code, region_code, address, contact_name,
                                                     contact_phone)
                            values (?, 'HIGHER_VOCATIONAL', ?, '330106', ?, ?, '0571-12345678') returning id""")
                    .params(marker + "职业技术学院", code("12330106" + suffix), marker + "路 1 号", marker + "联系人")
                    .query(Long.class).single();
            institutionB = jdbc.sql("""
                            insert into institution (name, kind, credit_code, region_code, address)
                            values (?, 'HIGHER_VOCATIONAL', ?, '320506', '苏州') returning id""")
                    .params("乙" + suffix + "职业技术学院", code("12320506" + suffix))
                    .query(Long.class).single();
            enterpriseA = jdbc.sql("""
                            insert into enterprise (name, credit_code, region_code, industry_code, size, address)
                            values (?, ?, '330106', 'C', 'SMALL', ?) returning id""")
                    .params(marker + "科技有限公司", code("91330106" + suffix), marker + "工业园")
                    .query(Long.class).single();
            jdbc.sql("insert into enterprise_partner (institution_id, enterprise_id) values (?, ?)")
                    .params(institutionA, enterpriseA).update();
            venueA = jdbc.sql("""
                            insert into venue (name, kind, institution_id, address, capacity)
                            values (?, 'CLASSROOM', ?, ?, 30) returning id""")
                    .params(marker + "教室", institutionA, marker + "楼")
                    .query(Long.class).single();
            usernameA = "scope-a-" + suffix;
            usernameB = "scope-b-" + suffix;
            userA = user(passwords, usernameA, marker + "管理员", institutionA);
            user(passwords, usernameB, "乙院管理员", institutionB);
            jdbc.sql("""
                            insert into audit_event (user_id, username, org_kind, org_id, action, object_type,
                                                     object_id, summary)
                            values (?, ?, 'INSTITUTION', ?, 'UPDATE', 'Institution', ?, ?)""")
                    .params(userA, usernameA, institutionA, String.valueOf(institutionA), marker + "审计")
                    .update();
            CatalogueScopeRecords.create(jdbc, this);
        });
        return this;
    }

    private long user(PasswordEncoder passwords, String username, String displayName, long institution) {
        long id = jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, org_kind, org_id)
                        values (?, ?, ?, 'INSTITUTION', ?) returning id""")
                .params(username, passwords.encode("Yuxun@2026"), displayName, institution)
                .query(Long.class).single();
        jdbc.sql("insert into user_role (user_id, role_code) values (?, 'INSTITUTION_ADMIN')").params(id).update();
        return id;
    }

    /** A's rows as they stand, to prove that B's writes changed nothing. */
    Map<String, List<Map<String, Object>>> snapshotOfA() {
        return DataScope.asSystem(() -> {
            Map<String, List<Map<String, Object>>> rows = new java.util.TreeMap<>();
            rows.put("institution", rows("select * from institution where id = ?", institutionA));
            rows.put("enterprise", rows("select * from enterprise where id = ?", enterpriseA));
            rows.put("partner", rows("select * from enterprise_partner where institution_id = ?", institutionA));
            rows.put("venue", rows("select * from venue where institution_id = ?", institutionA));
            rows.put("user", rows("select * from app_user where org_kind = 'INSTITUTION' and org_id = ?", institutionA));
            rows.put("person", rows("select * from person where id = ?", personA));
            rows.put("personLinks", rows("select * from person_link where person_id = ?", personA));
            rows.put("enrolment", rows("select * from enrolment where class_id = ?", classA));
            rows.put("roles", rows("select * from user_role where user_id = ?", userA));
            rows.put("programme", rows("select to_jsonb(p)::text from programme p where p.institution_id = ?", institutionA));
            rows.put("class", rows("select * from training_class where institution_id = ?", institutionA));
            rows.put("session", rows("select * from class_session where institution_id = ?", institutionA));
            rows.put("certificate", rows("select * from certificate where institution_id = ?", institutionA));
            rows.put("certificateTemplate", rows("select * from certificate_template where institution_id = ?",
                    institutionA));
            rows.put("signingKey", rows("select kid, retired_at from credential_signing_key where issuer_id = ?",
                    institutionA));
            rows.put("credential", rows("select id, revoked_at from credential where issuer_id = ?", institutionA));
            rows.put("outcomeSubmission", rows("select id, status, reason, outcome_id from outcome_submission"
                    + " where institution_id = ?", institutionA));
            rows.put("subsidyClaim", rows("select * from subsidy_claim where institution_id = ?", institutionA));
            rows.put("subsidyLine", rows("select id, status, review_reason, amount from subsidy_claim_line"
                    + " where institution_id = ?", institutionA));
            rows.put("subsidyApprenticeship", rows("select * from subsidy_apprenticeship where institution_id = ?",
                    institutionA));
            rows.put("subsidyApprentice", rows("select * from subsidy_apprentice where person_id = ?", personA));
            rows.put("subsidyDisbursement", rows("select * from subsidy_disbursement where institution_id = ?",
                    institutionA));
            rows.put("academicMajor", rows("select * from academic_major where institution_id = ?", institutionA));
            rows.put("degreeProgramme", rows("select * from degree_programme where institution_id = ?",
                    institutionA));
            rows.put("academicCourse", rows("select * from academic_course where institution_id = ?", institutionA));
            rows.put("conversionRule", rows("select * from conversion_rule where institution_id = ?", institutionA));
            rows.put("programmeStudent", rows("select * from programme_student where institution_id = ?",
                    institutionA));
            rows.put("creditApplication", rows("select * from credit_application where institution_id = ?",
                    institutionA));
            rows.put("creditLine", rows("select * from credit_application_line where institution_id = ?",
                    institutionA));
            rows.put("creditAward", rows("select * from credit_award where institution_id = ?", institutionA));
            return rows;
        });
    }

    private List<Map<String, Object>> rows(String sql, long id) {
        List<Map<String, Object>> found = jdbc.sql(sql + " order by 1").param(id).query().listOfRows();
        // binary columns (encrypted documents) compare by content, not by array identity
        found.forEach(row -> row.replaceAll((column, value) ->
                value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value));
        return found;
    }

    private static String code(String first8plus) {
        String body = (first8plus + "000000000").substring(0, 17).toUpperCase()
                .replace('I', '1').replace('O', '0').replace('S', '5').replace('V', 'U').replace('Z', '2');
        return body + CreditCode.checkCharacter(body);
    }
}
