package org.yuxun.training.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.demo.DemoContext;
import org.yuxun.demo.DemoExtension;

/**
 * The catalogue's part of the demo at 浙江育训职业技术学院: three published programmes co-developed with partner
 * enterprises, one draft and one submitted; the class {@value #CLASS_IN_PROGRESS} running now (sessions from two
 * weeks ago to two weeks ahead, one of them now and one online today), the class {@value #CLASS_COMPLETED}
 * finished last month, and the class {@value #CLASS_ENROLLING} open on the public page. Later parts of the demo
 * find these classes by name.
 */
@Component
@Order(100)
class CatalogueDemo implements DemoExtension {

    static final String ROBOTICS = "工业机器人系统运维员（四级）岗位技能培训";
    static final String ELDER_CARE = "养老护理员（五级）职业技能培训";
    static final String E_COMMERCE = "电子商务就业创业培训";
    static final String CLASS_IN_PROGRESS = "工业机器人系统运维员（四级）2026 年第 2 期";
    static final String CLASS_COMPLETED = "养老护理员（五级）2026 年第 1 期";
    static final String CLASS_ENROLLING = "电子商务就业创业培训 2026 年冬季班";

    private final JdbcClient jdbc;

    CatalogueDemo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void load(DemoContext context) {
        long college = context.college();
        Long evaluator = jdbc.sql("select id from institution where name = '浙江省职业技能评价中心'")
                .query(Long.class).optional().orElse(null);
        Long teacher = jdbc.sql("select id from app_user where username = 'teacher'").query(Long.class).optional()
                .orElse(null);
        long classroom = venue("实训楼 A101 理论教室");
        long workshop = venue("智能制造实训基地");
        long online = venue("线上课堂");

        long robotics = programme(college, ROBOTICS, "JOB_SKILLS", "SUBSIDISED",
                new String[] {"ENTERPRISE_EMPLOYEES", "MIGRANT_WORKERS", "GRADUATES"}, "INDUSTRIAL_ROBOTICS", null,
                "工业机器人系统运维员", 4, 24, 30, 6, "BLENDED", 0, "SKILL_LEVEL_CERTIFICATE", 4, evaluator,
                "与杭州智造装备有限公司共同开发，面向企业一线职工和转岗人员，按国家职业技能标准培训工业机器人系统的安装调试、"
                        + "维护保养与故障诊断，结业后参加四级（中级工）职业技能等级认定。",
                "PUBLISHED", List.of(context.smartManufacturing()),
                List.of(module("安全规范与工业机器人基础", 12), module("机器人编程与调试", 24),
                        module("系统维护与故障诊断", 18), module("线上：工业互联网基础", 6)));
        long elder = programme(college, ELDER_CARE, "JOB_SKILLS", "SUBSIDISED",
                new String[] {"LEFT_BEHIND_RURAL_WOMEN", "OLDER_UNEMPLOYED", "MIGRANT_WORKERS"}, "ELDER_CARE",
                "4-10-01-05", "养老护理员", 5, 40, 40, 0, "ON_CAMPUS", 0, "TRAINING_CERTIFICATE", null, null,
                "与杭州康养服务集团共同开发，培训生活照料、基础护理和康复服务技能，结业颁发培训合格证书。",
                "PUBLISHED", List.of(context.elderCare()),
                List.of(module("生活照料", 30), module("基础护理", 30), module("康复服务与沟通", 20)));
        long commerce = programme(college, E_COMMERCE, "EMPLOYMENT_ENTREPRENEURSHIP", "SUBSIDISED",
                new String[] {"GRADUATES", "VETERANS", "LONG_TERM_UNEMPLOYED_YOUTH"}, "E_COMMERCE", "4-01-02-02",
                "电子商务师", 5, 16, 8, 16, "BLENDED", 0, "TRAINING_CERTIFICATE", null, null,
                "面向高校毕业生和退役军人的就业创业培训：网店运营、直播电商与创业实务。",
                "PUBLISHED", List.of(context.smartManufacturing()),
                List.of(module("网店开设与运营", 16), module("直播电商实务", 16), module("创业实务", 8)));
        programme(college, "智能制造产线数字化运维高端研修", "ADVANCED_SEMINAR", "MARKET",
                new String[] {"ENTERPRISE_EMPLOYEES"}, "SMART_MANUFACTURING", null, "智能制造工程技术人员", null, 12,
                12, 8, "TO_ENTERPRISE", 3800, "NONE", null, null, "面向企业技术骨干的研修项目（草稿）。", "DRAFT",
                List.of(context.smartManufacturing()),
                List.of(module("数字化产线架构", 12), module("产线数据采集与分析", 20)));
        programme(college, "新能源汽车维修技能提升培训", "JOB_SKILLS", "MARKET", new String[] {"ENTERPRISE_EMPLOYEES"},
                "NEW_ENERGY_VEHICLES", "4-12-01-01", "汽车维修工", 3, 20, 28, 0, "ON_CAMPUS", 1200, "NONE", null,
                null, "新能源汽车高压系统安全与维修（待审核）。", "SUBMITTED", List.of(),
                List.of(module("高压安全", 16), module("动力电池与电驱系统维修", 32)));

        LocalDate today = LocalDate.now(Schedule.ZONE);
        long running = trainingClass(robotics, CLASS_IN_PROGRESS, today.minusDays(14), today.plusDays(14), 40,
                teacher, "IN_PROGRESS", null, List.of(classroom, workshop, online));
        int[][] plan = {{-14, 0}, {-12, 1}, {-10, 0}, {-8, 1}, {-6, 0}, {-4, 1}, {-2, 2}, {2, 1}, {5, 0}, {8, 1},
            {12, 2}};
        String[] topics = {"工业机器人安全规范", "示教器操作实训", "机器人坐标系与运动", "搬运程序编写实训", "PLC 与机器人通信",
            "码垛工作站调试实训", "线上：工业互联网概论", "视觉系统标定实训", "常见故障诊断", "综合维护实训",
            "线上：预测性维护"};
        for (int i = 0; i < plan.length; i++) {
            LocalDate day = today.plusDays(plan[i][0]);
            switch (plan[i][1]) {
                case 0 -> session(running, college, day, LocalTime.of(9, 0), LocalTime.of(11, 0), "THEORY", teacher,
                        classroom, 2, topics[i]);
                case 1 -> session(running, college, day, LocalTime.of(14, 0), LocalTime.of(17, 0), "PRACTICE",
                        teacher, workshop, 3, topics[i]);
                default -> session(running, college, day, LocalTime.of(19, 0), LocalTime.of(21, 0), "ONLINE",
                        teacher, null, 2, topics[i]);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(Schedule.ZONE).truncatedTo(ChronoUnit.HOURS);
        sessionAt(running, college, now.minusMinutes(30), now.plusMinutes(90), "THEORY", teacher, classroom, 2,
                "六轴机器人零点校准");
        sessionAt(running, college, now.plusHours(3), now.plusHours(5), "ONLINE", null, null, 2, "线上：机器人仿真软件入门");

        LocalDate lastMonth = today.minusDays(60);
        long completed = trainingClass(elder, CLASS_COMPLETED, lastMonth, today.minusDays(32), 30, teacher,
                "COMPLETED", null, List.of(classroom));
        jdbc.sql("update training_class set completed_at = ? where id = ?")
                .params(Schedule.at(today.minusDays(31), LocalTime.of(17, 0)), completed).update();
        String[] elderTopics = {"老年人生活照料", "饮食与排泄照护", "基础护理技术", "常见病护理", "康复训练", "沟通与心理支持",
            "安全防护与应急", "综合实训与考核"};
        for (int i = 0; i < elderTopics.length; i++) {
            LocalDate day = lastMonth.plusDays(i * 3L);
            session(completed, college, day, LocalTime.of(9, 0), LocalTime.of(12, 0), i % 2 == 0 ? "THEORY" : "PRACTICE",
                    teacher, classroom, 3, elderTopics[i]);
        }

        long enrolling = trainingClass(commerce, CLASS_ENROLLING, today.plusDays(21), today.plusDays(35), 50, teacher,
                "ENROLLING", null, List.of(classroom, online));
        session(enrolling, college, today.plusDays(21), LocalTime.of(9, 0), LocalTime.of(12, 0), "THEORY", teacher,
                classroom, 3, "开班仪式与网店开设");
    }

    private long venue(String name) {
        return jdbc.sql("select id from venue where name = ?").param(name).query(Long.class).single();
    }

    private static ProgrammeContent.Module module(String name, int hours) {
        return new ProgrammeContent.Module(name, BigDecimal.valueOf(hours));
    }

    private long programme(long college, String name, String type, String funding, String[] groups, String field,
                           String occupationCode, String occupationName, Integer level, int theory, int practice,
                           int online, String delivery, int fee, String award, Integer awardLevel, Long evaluator,
                           String description, String status, List<Long> partners,
                           List<ProgrammeContent.Module> modules) {
        long id = jdbc.sql("""
                        insert into programme (institution_id, institution_kind, region_code, name, type, funding_mode,
                            target_groups, industry_field, occupation_code, occupation_name, skill_level,
                            theory_hours, practice_hours, online_hours, delivery_mode, fee, completion_award,
                            award_level, evaluator_id, description, status, submitted_at, approved_at, approved_by,
                            published_at)
                        select i.id, i.kind, i.region_code, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                               case when ? <> 'DRAFT' then now() - interval '40 days' end,
                               case when ? in ('APPROVED', 'PUBLISHED') then now() - interval '39 days' end,
                               case when ? in ('APPROVED', 'PUBLISHED')
                                    then (select id from app_user where username = 'college-admin') end,
                               case when ? = 'PUBLISHED' then now() - interval '38 days' end
                        from institution i where i.id = ? returning id""")
                .params(name, type, funding, groups, field, occupationCode, occupationName, level, theory, practice,
                        online, delivery, fee, award, "SKILL_LEVEL_CERTIFICATE".equals(award) ? awardLevel : null,
                        "SKILL_LEVEL_CERTIFICATE".equals(award) ? evaluator : null, description, status, status,
                        status, status, status, college)
                .query(Long.class).single();
        int position = 1;
        for (ProgrammeContent.Module m : modules) {
            jdbc.sql("insert into programme_module (programme_id, position, name, hours) values (?, ?, ?, ?)")
                    .params(id, position++, m.name(), m.hours()).update();
        }
        for (Long partner : partners) {
            jdbc.sql("insert into programme_partner (programme_id, enterprise_id, institution_id) values (?, ?, ?)")
                    .params(id, partner, college).update();
        }
        return id;
    }

    private long trainingClass(long programme, String name, LocalDate start, LocalDate end, int capacity,
                               Long headTeacher, String status, Long enterprise, List<Long> venues) {
        long id = jdbc.sql("""
                        insert into training_class (programme_id, institution_id, institution_kind, region_code,
                            subsidised, name, start_date, end_date, capacity, head_teacher_id, enterprise_id, status)
                        select p.id, p.institution_id, p.institution_kind, p.region_code,
                               p.funding_mode = 'SUBSIDISED', ?, ?, ?, ?, ?, ?, ?
                        from programme p where p.id = ? returning id""")
                .params(name, start, end, capacity, headTeacher, enterprise, status, programme)
                .query(Long.class).single();
        for (Long venue : venues) {
            jdbc.sql("insert into class_venue (class_id, venue_id) values (?, ?)").params(id, venue).update();
        }
        return id;
    }

    private void session(long classId, long college, LocalDate day, LocalTime start, LocalTime end, String kind,
                         Long teacher, Long venue, int hours, String topic) {
        sessionAt(classId, college, Schedule.at(day, start), Schedule.at(day, end), kind, teacher, venue, hours,
                topic);
    }

    private void sessionAt(long classId, long college, OffsetDateTime start, OffsetDateTime end, String kind,
                           Long teacher, Long venue, int hours, String topic) {
        jdbc.sql("""
                        insert into class_session (class_id, institution_id, starts_at, ends_at, kind, teacher_id,
                                                   venue_id, hours, topic)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(classId, college, start, end, kind, teacher, venue, hours, topic).update();
    }
}
