package org.yuxun.subsidy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.demo.DemoContext;
import org.yuxun.demo.DemoExtension;
import org.yuxun.subsidy.Payee;

/**
 * The subsidies of the demo story: 杭州市人社局's training-subsidy policy in two versions (the completed class at
 * 浙江育训职业技术学院 started under the second), so the training officer can generate the claim of that class at
 * once; and one of its learners was already subsidised last year for the same occupation and level at 杭州市高级技工学校
 * (a paid claim there), so the new claim flags them with the reason.
 */
@Component
@Order(600)
class SubsidyDemo implements DemoExtension {

    static final String POLICY = "杭州市职业技能培训补贴";

    private final JdbcClient jdbc;
    private final SubsidyPolicies policies;

    SubsidyDemo(JdbcClient jdbc, SubsidyPolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    @Override
    public void load(DemoContext context) {
        Optional<Long> authority = jdbc.sql("select id from authority where name = '杭州市人力资源和社会保障局'")
                .query(Long.class).optional();
        if (authority.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(SubsidyClaims.ZONE);
        SubsidyPolicy first = policies.create(command(today.minusYears(2).withDayOfYear(1), 800), authority.get(),
                "3301", null);
        policies.newVersion(first.id(), command(today.minusDays(120), 1000), null);
        earlierClaimAtTechnicalSchool(context, today);
    }

    private static PolicyCommand command(LocalDate from, int levelFive) {
        Map<Integer, SubsidyPolicy.Amount> amounts = new LinkedHashMap<>();
        amounts.put(0, amount(600, 400));
        amounts.put(5, amount(levelFive, levelFive * 6 / 10));
        amounts.put(4, amount(1500, 900));
        amounts.put(3, amount(2000, 1200));
        amounts.put(2, amount(2500, 1500));
        amounts.put(1, amount(3000, 1800));
        return new PolicyCommand(POLICY, List.of("JOB_SKILLS", "EMPLOYMENT_ENTREPRENEURSHIP", "REEMPLOYMENT"),
                List.of(), List.of(), List.of(), new BigDecimal("0.800"), new BigDecimal("300"),
                List.of("REGISTERED_POOR", "RURAL_WOMAN", "OLDER_UNEMPLOYED", "DISABLED"), 3, true,
                Payee.INSTITUTION, from, null, amounts);
    }

    private static SubsidyPolicy.Amount amount(int with, int without) {
        return new SubsidyPolicy.Amount(BigDecimal.valueOf(with), BigDecimal.valueOf(without));
    }

    /**
     * A paid claim of last year at the technical school for one learner of the college's completed class, for the
     * same occupation and level.
     */
    private void earlierClaimAtTechnicalSchool(DemoContext context, LocalDate today) {
        Optional<Map<String, Object>> learner = jdbc.sql("""
                        select e.person_id, p.name, p.document_masked, pr.occupation_code, pr.occupation_name,
                               pr.skill_level, pr.type
                        from training_class c
                        join programme pr on pr.id = c.programme_id
                        join enrolment e on e.class_id = c.id and e.status = 'COMPLETED'
                        join person p on p.id = e.person_id
                        where c.institution_id = ? and c.status = 'COMPLETED' and c.enterprise_id is null
                        order by c.start_date desc, e.id limit 1""")
                .param(context.college()).query().listOfRows().stream().findFirst();
        if (learner.isEmpty()) {
            return;
        }
        Map<String, Object> l = learner.get();
        LocalDate start = today.minusYears(1).withMonth(3).withDayOfMonth(2);
        LocalDate end = start.plusDays(20);
        long school = context.technicalSchool();
        long programme = jdbc.sql("""
                        insert into programme (institution_id, institution_kind, region_code, name, type, funding_mode,
                                               industry_field, occupation_code, occupation_name, skill_level,
                                               theory_hours, practice_hours, delivery_mode, completion_award, status,
                                               published_at)
                        values (?, 'SENIOR_TECHNICAL_SCHOOL', '330105', '养老护理员职业技能培训', ?, 'SUBSIDISED',
                                'ELDER_CARE', ?, ?, ?, 40, 40, 'ON_CAMPUS', 'TRAINING_CERTIFICATE', 'RETIRED', now())
                        returning id""")
                .params(school, l.get("type"), l.get("occupation_code"), l.get("occupation_name"),
                        l.get("skill_level"))
                .query(Long.class).single();
        long trainingClass = jdbc.sql("""
                        insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                    subsidised, name, start_date, end_date, capacity, status,
                                                    completed_at)
                        values (?, ?, 'SENIOR_TECHNICAL_SCHOOL', '330105', true, ?, ?, ?, 40, 'COMPLETED', ?)
                        returning id""")
                .params(programme, school, "养老护理员（五级）" + start.getYear() + " 年春季班", start, end,
                        java.sql.Timestamp.valueOf(end.atTime(17, 0)))
                .query(Long.class).single();
        long claim = jdbc.sql("""
                        insert into subsidy_claim (class_id, institution_id, institution_kind, institution_name,
                                                   region_code, class_name, programme_id, programme_name,
                                                   programme_type, occupation_code, occupation_name, skill_level,
                                                   class_start, class_end, payee, status, submit_by, review_by,
                                                   submitted_at, reviewed_at, paid_at)
                        values (?, ?, 'SENIOR_TECHNICAL_SCHOOL', '杭州市高级技工学校', '330105', ?, ?,
                                '养老护理员职业技能培训', ?, ?, ?, ?, ?, ?, 'INSTITUTION', 'PAID', ?, ?, ?, ?, ?)
                        returning id""")
                .params(trainingClass, school, "养老护理员（五级）" + start.getYear() + " 年春季班", programme,
                        l.get("type"), l.get("occupation_code"), l.get("occupation_name"), l.get("skill_level"), start,
                        end, end.plusDays(90), end.plusDays(40), java.sql.Timestamp.valueOf(end.plusDays(10).atTime(10, 0)),
                        java.sql.Timestamp.valueOf(end.plusDays(30).atTime(10, 0)),
                        java.sql.Timestamp.valueOf(end.plusDays(45).atTime(10, 0)))
                .query(Long.class).single();
        long line = jdbc.sql("""
                        insert into subsidy_claim_line (claim_id, institution_id, region_code, enrolment_id, person_id,
                                                        learner_name, document_masked, occupation_code, skill_level,
                                                        claim_year, completion, attendance_rate, amount, eligible,
                                                        status)
                        values (?, ?, '330105', 0, ?, ?, ?, ?, ?, ?, 'COMPLETED', 0.95, 800, true, 'PAID')
                        returning id""")
                .params(claim, school, l.get("person_id"), l.get("name"), l.get("document_masked"),
                        l.get("occupation_code"), l.get("skill_level") == null ? 0 : l.get("skill_level"),
                        start.getYear())
                .query(Long.class).single();
        jdbc.sql("""
                        insert into subsidy_disbursement (line_id, claim_id, institution_id, region_code, payee_kind,
                                                          payee_name, amount, paid_on, reference)
                        values (?, ?, ?, '330105', 'INSTITUTION', '杭州市高级技工学校', 800, ?, ?)""")
                .params(line, claim, school, end.plusDays(45), "HZRS-BT-" + start.getYear() + "-0317")
                .update();
    }
}
