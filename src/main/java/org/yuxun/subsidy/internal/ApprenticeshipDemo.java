package org.yuxun.subsidy.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.yuxun.demo.DemoContext;
import org.yuxun.demo.DemoExtension;

/**
 * The apprenticeships of the demo story (seeds/002 L1244–1250): 浙江育训职业技术学院 runs a 企业新型学徒制 programme
 * commissioned by 杭州智造装备有限公司 (余杭区, so 杭州市人社局 reviews it; 浙江省人社厅 may only view) with three
 * classes of the enterprise's employees — a two-year class filed and approved, its advance paid; a one-year class
 * not filed yet, which the enterprise's HR (ent-hr) can file; and a one-year class that ended after five months,
 * settled with the advance exceeding what the two apprentices earned, so the enterprise must return the difference
 * (应退回).
 */
@Component
@Order(610)
class ApprenticeshipDemo implements DemoExtension {

    static final String FILED_CLASS = "数控车工学徒班（两年制）";
    static final String OPEN_CLASS = "装配钳工学徒班（一年制）";
    static final String SETTLED_CLASS = "焊工学徒班（提前结业）";

    private final JdbcClient jdbc;
    private final SubsidyApprenticeships apprenticeships;

    ApprenticeshipDemo(JdbcClient jdbc, SubsidyApprenticeships apprenticeships) {
        this.jdbc = jdbc;
        this.apprenticeships = apprenticeships;
    }

    @Override
    public void load(DemoContext context) {
        long enterprise = context.smartManufacturing();
        List<Long> employees = jdbc.sql("""
                        select person_id from person_link where org_kind = 'ENTERPRISE' and org_id = ?
                        order by person_id""")
                .param(enterprise).query(Long.class).list();
        if (employees.size() < 5) {
            return;
        }
        Map<String, Object> college = jdbc.sql("select kind, region_code from institution where id = ?")
                .param(context.college()).query().singleRow();
        long programme = jdbc.sql("""
                        insert into programme (institution_id, institution_kind, region_code, name, type, funding_mode,
                                               industry_field, occupation_code, occupation_name, skill_level,
                                               theory_hours, practice_hours, delivery_mode, completion_award, status)
                        values (?, ?, ?, '智能制造企业新型学徒制', 'ENTERPRISE_APPRENTICESHIP', 'COMMISSIONED',
                                'SMART_MANUFACTURING', '6-18-01-01', '车工', 4, 200, 600, 'TO_ENTERPRISE',
                                'TRAINING_CERTIFICATE', 'APPROVED')
                        returning id""")
                .params(context.college(), college.get("kind"), college.get("region_code"))
                .query(Long.class).single();
        jdbc.sql("insert into programme_partner (programme_id, enterprise_id, institution_id) values (?, ?, ?)")
                .params(programme, enterprise, context.college()).update();
        LocalDate today = LocalDate.now(SubsidyClaims.ZONE);
        LocalDate filedStart = today.minusMonths(4).withDayOfMonth(1);
        long filed = apprenticeClass(context, college, programme, enterprise, FILED_CLASS, filedStart,
                filedStart.plusYears(2).minusDays(1), employees.subList(0, 3));
        LocalDate openStart = today.minusMonths(13).withDayOfMonth(1);
        apprenticeClass(context, college, programme, enterprise, OPEN_CLASS, openStart,
                openStart.plusYears(1).minusDays(1), employees.subList(3, 5));

        Map<Long, SubsidyApprenticeships.ApprenticeInput> contracts = new LinkedHashMap<>();
        jdbc.sql("select id from enrolment where class_id = ? order by id").param(filed).query(Long.class).list()
                .forEach(e -> contracts.put(e, new SubsidyApprenticeships.ApprenticeInput(filedStart.minusMonths(6),
                        filedStart.plusYears(3), new DemoFile("劳动合同-" + e + ".pdf"))));
        long id = apprenticeships.file(filed, enterprise, new DemoFile("数控车工学徒培训计划.pdf"), contracts, 0L);
        Long cityHrss = jdbc.sql("select id from authority where kind = 'HUMAN_RESOURCES' and region_code = ?")
                .param(CityReview.reviewingRegion(apprenticeships.get(id).regionCode()).orElseThrow())
                .query(Long.class).optional().orElse(null);
        apprenticeships.approve(id, apprenticeships.get(id).version(), 0L, cityHrss, filedStart.plusDays(20));

        // ended after five of twelve filed months, before the two-year class began: 2 × 2,500 advanced against
        // 2 × 5,000 × 5 / 12 earned, so 833.34 is to be returned
        LocalDate settledStart = today.minusMonths(11).withDayOfMonth(1);
        long settled = apprenticeClass(context, college, programme, enterprise, SETTLED_CLASS, settledStart,
                settledStart.plusYears(1).minusDays(1), employees.subList(0, 2));
        Map<Long, SubsidyApprenticeships.ApprenticeInput> settledContracts = new LinkedHashMap<>();
        List<Long> settledEnrolments = jdbc.sql("select id from enrolment where class_id = ? order by id")
                .param(settled).query(Long.class).list();
        settledEnrolments.forEach(e -> settledContracts.put(e, new SubsidyApprenticeships.ApprenticeInput(
                settledStart.minusMonths(2), settledStart.plusYears(2), new DemoFile("劳动合同-" + e + ".pdf"))));
        long settledId = apprenticeships.file(settled, enterprise, new DemoFile("焊工学徒培训计划.pdf"),
                settledContracts, 0L);
        apprenticeships.approve(settledId, apprenticeships.get(settledId).version(), 0L, cityHrss,
                settledStart.plusDays(15));
        LocalDate ended = settledStart.plusMonths(5).minusDays(1);
        jdbc.sql("update training_class set status = 'COMPLETED', completed_at = ? where id = ?")
                .params(java.sql.Timestamp.valueOf(ended.atTime(17, 0)), settled).update();
        jdbc.sql("update enrolment set status = 'COMPLETED', completed_at = ? where class_id = ?")
                .params(java.sql.Timestamp.valueOf(ended.atTime(17, 0)), settled).update();
        Map<Long, String> certificates = new LinkedHashMap<>();
        for (int i = 0; i < settledEnrolments.size(); i++) {
            certificates.put(settledEnrolments.get(i), "Y3301002" + ended.getYear() % 100 + "00" + (i + 1));
        }
        apprenticeships.requestBalance(settledId, apprenticeships.get(settledId).version(), certificates,
                "33010" + ended.getYear() + "0815", 0L);
        apprenticeships.approveBalance(settledId, apprenticeships.get(settledId).version(), 0L, cityHrss,
                ended.plusDays(30));
    }

    private long apprenticeClass(DemoContext context, Map<String, Object> college, long programme, long enterprise,
                                 String name, LocalDate start, LocalDate end, List<Long> persons) {
        long classId = jdbc.sql("""
                        insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                    subsidised, name, start_date, end_date, capacity, enterprise_id,
                                                    status)
                        values (?, ?, ?, ?, false, ?, ?, ?, 30, ?, 'IN_PROGRESS') returning id""")
                .params(programme, context.college(), college.get("kind"), college.get("region_code"), name, start,
                        end, enterprise)
                .query(Long.class).single();
        for (long person : persons) {
            jdbc.sql("""
                            insert into enrolment (class_id, institution_id, institution_kind, region_code, subsidised,
                                                   person_id, enterprise_id, class_enterprise_id, source)
                            values (?, ?, ?, ?, false, ?, ?, ?, 'ENTERPRISE')""")
                    .params(classId, context.college(), college.get("kind"), college.get("region_code"), person,
                            enterprise, enterprise)
                    .update();
        }
        return classId;
    }

    /** A small text file standing in for a scanned document. */
    private record DemoFile(String name) implements MultipartFile {

        private byte[] content() {
            return ("演示文件：" + name).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String getName() {
            return "file";
        }

        @Override
        public String getOriginalFilename() {
            return name;
        }

        @Override
        public String getContentType() {
            return "application/pdf";
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public long getSize() {
            return content().length;
        }

        @Override
        public byte[] getBytes() {
            return content();
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(content());
        }

        @Override
        public void transferTo(java.io.File dest) throws java.io.IOException {
            Files.write(dest.toPath(), content());
        }

        @Override
        public void transferTo(Path dest) throws java.io.IOException {
            Files.write(dest, content());
        }
    }
}
