package org.yuxun.creditbank.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.certification.CertificateIssued;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.CertificateView;
import org.yuxun.creditbank.OutcomeKind;
import org.yuxun.demo.DemoContext;
import org.yuxun.demo.DemoExtension;

/**
 * The credit bank's part of the demo story: 宁波海港职业技术学院 runs the degree programme 工业机器人技术 with the
 * course 工业机器人安全与操作基础 and publishes a rule converting a training certificate in industrial robotics
 * into its credits and exemption; the demo learner 王小明, whose certificate from 浙江育训职业技术学院 is in their
 * learning account, is a student there and can apply. 浙江育训职业技术学院 runs 智慧健康养老服务与管理 with a rule for
 * its own 养老护理员 training certificates, and one of last month's graduates, a student there, has an application
 * already accepted, so the pages show a completed exchange too. 王小明 has also submitted a competition award with
 * its certificate to 浙江育训职业技术学院, waiting for the college's review (认定).
 */
@Component
@Order(600)
class CreditBankDemo implements DemoExtension {

    static final String COURSE_CODE = "ROB1101";
    static final String RULE_NAME = "工业机器人培训合格证书兑换《工业机器人安全与操作基础》";

    private final JdbcClient jdbc;
    private final OutcomeListener outcomes;
    private final CertificateManagement certificates;
    private final CreditExchange exchange;
    private final ConversionRules rules;
    private final OutcomeSubmissions submissions;

    CreditBankDemo(JdbcClient jdbc, OutcomeListener outcomes, CertificateManagement certificates,
                   CreditExchange exchange, ConversionRules rules, OutcomeSubmissions submissions) {
        this.submissions = submissions;
        this.jdbc = jdbc;
        this.outcomes = outcomes;
        this.certificates = certificates;
        this.exchange = exchange;
        this.rules = rules;
    }

    @Override
    public void load(DemoContext context) {
        long nb = context.ningboCollege();
        long major = jdbc.sql("insert into academic_major (institution_id, code, name) values (?, '460305', '工业机器人技术') returning id")
                .param(nb).query(Long.class).single();
        jdbc.sql("insert into academic_major (institution_id, code, name) values (?, '500302', '港口物流管理')").param(nb)
                .update();
        long programme = jdbc.sql("""
                        insert into degree_programme (institution_id, major_id, name, level, total_credits)
                        values (?, ?, '工业机器人技术（三年制高职）', 'JUNIOR_COLLEGE', 140) returning id""")
                .params(nb, major).query(Long.class).single();
        long course = course(nb, programme, COURSE_CODE, "工业机器人安全与操作基础", "2", "CORE");
        course(nb, programme, "ROB1201", "工业机器人编程与调试", "4", "CORE");
        course(nb, programme, "ROB2301", "工业机器人系统集成实训", "3", "PRACTICE");
        course(nb, programme, "GEN1001", "大学英语", "4", "PUBLIC");
        long rule = rules.save(null, nb, new ConversionRules.Draft(RULE_NAME, "CERTIFICATE", "TRAINING", null,
                "工业机器人", null, 3, LocalDate.now(CreditExchange.ZONE).withDayOfYear(1), null,
                Map.of(course, new BigDecimal("2"))), 0);
        rules.changeStatus(rule, "PUBLISHED", 0);

        Optional<Long> learner = jdbc.sql("select person_id from app_user where username = 'learner'")
                .query(Long.class).optional().filter(id -> id != null);
        learner.ifPresent(person -> {
            recordCertificates(person);
            student(nb, programme, person, "NB2026460301");
            submitAward(person, context.college());
        });
        long major2 = jdbc.sql("insert into academic_major (institution_id, code, name) values (?, '590302', '智慧健康养老服务与管理') returning id")
                .param(context.college()).query(Long.class).single();
        long programme2 = jdbc.sql("""
                        insert into degree_programme (institution_id, major_id, name, level, total_credits)
                        values (?, ?, '智慧健康养老服务与管理（三年制高职）', 'JUNIOR_COLLEGE', 138) returning id""")
                .params(context.college(), major2).query(Long.class).single();
        long care = course(context.college(), programme2, "YL2101", "老年照护技术", "3", "CORE");
        course(context.college(), programme2, "YL2102", "老年人能力评估", "2", "CORE");
        long careRule = rules.save(null, context.college(), new ConversionRules.Draft(
                "养老护理员培训合格证书兑换《老年照护技术》", "CERTIFICATE", "TRAINING", null, "养老护理", null, 3,
                LocalDate.now(CreditExchange.ZONE).withDayOfYear(1), null, Map.of(care, new BigDecimal("3"))), 0);
        rules.changeStatus(careRule, "PUBLISHED", 0);
        holder("养老护理", learner.orElse(-1L)).ifPresent(person -> {
            recordCertificates(person);
            long student = student(context.college(), programme2, person, "ZJ2026590201");
            List<CreditExchange.Proposal> proposals = exchange.propose(person, student).stream()
                    .filter(CreditExchange.Proposal::allowed).toList();
            if (!proposals.isEmpty()) {
                long application = exchange.apply(person, student, List.of(proposals.getFirst().key()));
                long line = exchange.application(application).lines().getFirst().id();
                exchange.review(application, line, true, null, null);
            }
        });
    }

    /**
     * A competition award 王小明 submitted with its certificate as evidence to the college where they trained, which
     * has yet to review it (认定): the college's reviewer finds it waiting on first start.
     */
    private void submitAward(long person, long college) {
        String name = jdbc.sql("select name from person where id = ?").param(person).query(String.class).single();
        LocalDate won = LocalDate.now(CreditExchange.ZONE).minusMonths(2).withDayOfMonth(15);
        String title = "浙江省职业院校技能大赛“工业机器人技术应用”赛项";
        byte[] evidence = Transcripts.render("<html><head><style>@page { size: A5 landscape; margin: 15mm; } body {"
                + " font-family: '" + Transcripts.FONT + "'; text-align: center; border: 3px double #b8860b;"
                + " padding: 10mm; } h1 { font-size: 26pt; color: #b22222; letter-spacing: 8pt; }"
                + " p { font-size: 13pt; }</style></head><body><h1>荣誉证书</h1>"
                + "<p>" + name + " 同学：</p><p>在" + won.getYear() + "年" + title + "（高职组）中荣获</p>"
                + "<p style='font-size: 18pt'>二等奖</p><p>特发此证，以资鼓励。</p>"
                + "<p style='text-align: right'>浙江省教育厅　" + won.getYear() + "年" + won.getMonthValue() + "月"
                + won.getDayOfMonth() + "日</p></body></html>");
        submissions.submit(person, new OutcomeSubmissions.NewSubmission(college, OutcomeKind.COMPETITION, title,
                "浙江省教育厅", won, new BigDecimal("32"), "二等奖", "技能大赛荣誉证书.pdf", evidence));
    }

    /** The person's certificates recorded now; the events of this transaction will find them recorded. */
    private void recordCertificates(long person) {
        for (CertificateView c : certificates.mine(person)) {
            outcomes.recordCertificate(new CertificateIssued(c.id(), c.publicId(), c.kind(), c.number(), c.issuerId(),
                    c.personId(), c.enrolmentId(), c.skillLevel(), c.issuedOn()));
        }
    }

    /** A holder of a valid training certificate whose title has the word, other than the demo learner. */
    private Optional<Long> holder(String word, long learner) {
        return jdbc.sql("""
                        select person_id from certificate
                        where kind = 'TRAINING' and status = 'VALID' and title like ? and person_id <> ?
                        order by id limit 1""")
                .params("%" + word + "%", learner).query(Long.class).optional();
    }

    private long course(long institution, long programme, String code, String name, String credits, String category) {
        return jdbc.sql("""
                        insert into academic_course (institution_id, programme_id, code, name, credits, category)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(institution, programme, code, name, new BigDecimal(credits), category).query(Long.class)
                .single();
    }

    /** Enrols the person, who is on file already, and links them to the college as its learner. */
    private long student(long institution, long programme, long person, String number) {
        jdbc.sql("""
                        insert into person_link (person_id, org_kind, org_id, relation, region_code, org_type)
                        select ?, 'INSTITUTION', i.id, 'LEARNER', i.region_code, i.kind from institution i where i.id = ?
                        on conflict do nothing""")
                .params(person, institution).update();
        return jdbc.sql("""
                        insert into programme_student (institution_id, programme_id, person_id, student_number, name,
                                                       document_masked, enrolled_on)
                        select ?, ?, p.id, ?, p.name, p.document_masked, ? from person p where p.id = ?
                        returning id""")
                .params(institution, programme, number, LocalDate.now(CreditExchange.ZONE).withMonth(9).withDayOfMonth(1)
                        .minusYears(LocalDate.now(CreditExchange.ZONE).getMonthValue() < 9 ? 1 : 0), person)
                .query(Long.class).single();
    }
}
