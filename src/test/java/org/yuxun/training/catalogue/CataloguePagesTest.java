package org.yuxun.training.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.shared.DataScope;
import org.yuxun.training.CatalogueQueries;

@IntegrationTest
class CataloguePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogueQueries catalogueQueries;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    /** A day far from the demo's sessions and from other tests' days. */
    private final LocalDate day = LocalDate.of(2031, 1, 5).plusDays(ThreadLocalRandom.current().nextInt(0, 20000));

    @Test
    void aTrainingOfficerCreatesAProgrammeWithModulesAndPartners() throws Exception {
        long partner = id("select id from enterprise where name = '杭州智造装备有限公司'");
        mvc.perform(programmeForm(post("/programmes"), "数控车工培训" + tag, Map.of("occupationName", "电子商务师"))
                        .param("partnerIds", String.valueOf(partner))
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long programme = id("select id from programme where name = '数控车工培训" + tag + "'");
        assertThat(count("select count(*) from programme_module where programme_id = " + programme)).isEqualTo(2);
        assertThat(count("select count(*) from programme_partner where programme_id = " + programme
                + " and institution_id = " + college())).isEqualTo(1);
        assertThat(DataScope.asSystem(() -> jdbc.sql(
                        "select status || ':' || occupation_code from programme where id = ?").param(programme).query(String.class).single())).isEqualTo("DRAFT:4-01-02-02");
        mvc.perform(get("/programmes/" + programme).with(user(accounts.load("trainer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("数控车工培训" + tag)))
                .andExpect(content().string(containsString("杭州智造装备有限公司")));
    }

    @Test
    void refusesModuleHoursThatDoNotAddUpAtTheField() throws Exception {
        mvc.perform(programmeForm(post("/programmes"), "学时不符" + tag, Map.of("theoryHours", "15"))
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "modules", "programme.modules.hours"))
                .andExpect(content().string(containsString("必须等于理论、实操、线上学时之和")));
        assertThat(count("select count(*) from programme where name = '学时不符" + tag + "'")).isZero();
    }

    @Test
    void refusesASkillLevelCertificateWithoutEvaluatorAndAnApprenticeshipWithoutEnterprise() throws Exception {
        mvc.perform(programmeForm(post("/programmes"), "学徒制" + tag, Map.of("type", "ENTERPRISE_APPRENTICESHIP",
                        "completionAward", "SKILL_LEVEL_CERTIFICATE", "awardLevel", "4"))
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "evaluatorId", "programme.award.evaluator"))
                .andExpect(model().attributeHasFieldErrorCode("form", "fundingMode",
                        "programme.apprenticeship.funding"))
                .andExpect(model().attributeHasFieldErrorCode("form", "partnerIds",
                        "programme.apprenticeship.partner"));
    }

    @Test
    void aProgrammeGoesThroughSubmissionApprovalAndPublicationAndEachStepIsAudited() throws Exception {
        long programme = createProgramme("生命周期" + tag);
        mvc.perform(post("/programmes/" + programme + "/publish").param("version", "0")
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refusal", "只有审核通过的项目可以发布"));
        transition(programme, "submit", "trainer");
        mvc.perform(programmeForm(post("/programmes/" + programme), "生命周期改名" + tag).param("version", "1")
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("只有草稿状态的项目可以修改")));
        mvc.perform(post("/programmes/" + programme + "/approve").param("version", "1")
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isForbidden());
        transition(programme, "approve", "college-admin");
        transition(programme, "publish", "trainer");
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select p.status || ':' || u.username from programme p join app_user u on u.id = p.approved_by
                        where p.id = ?""").param(programme).query(String.class).single()))
                .isEqualTo("PUBLISHED:college-admin");
        assertThat(count("select count(*) from audit_event where object_type = 'Programme' and object_id = '"
                + programme + "' and action in ('SUBMIT', 'APPROVE', 'PUBLISH')")).isEqualTo(3);
        mvc.perform(get("/public/programmes/" + programme))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("生命周期" + tag)));
    }

    @Test
    void thePublicSeesPublishedProgrammesOnlyEvenWhenStaffAsk() throws Exception {
        long draft = createProgramme("草稿公开" + tag);
        mvc.perform(get("/public/programmes/" + draft)).andExpect(status().isNotFound());
        mvc.perform(get("/public/programmes/" + draft).with(user(accounts.load("college-admin"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/public/programmes").param("q", "草稿公开" + tag))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/public/programmes/" + draft + "\""))))
                .andExpect(content().string(containsString("没有符合条件的记录")));
        mvc.perform(get("/public/programmes").param("q", "工业机器人"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工业机器人系统运维员（四级）岗位技能培训")));
    }

    @Test
    void thePublicProgrammePageListsClassesOpenForEnrolmentWithAnEnrolButton() throws Exception {
        long programme = id("select id from programme where name = '电子商务就业创业培训'");
        long open = id("select id from training_class where name = '电子商务就业创业培训 2026 年冬季班'");
        mvc.perform(get("/public/programmes/" + programme))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("浙江育训职业技术学院")))
                .andExpect(content().string(containsString("杭州智造装备有限公司")))
                .andExpect(content().string(containsString("/public/programmes/" + programme + "/enrol?class=" + open)));
    }

    @Test
    void anotherInstitutionCannotSeeOrChangeTheCollegesProgrammesAndClasses() throws Exception {
        long programme = createProgramme("他校不可见" + tag);
        long running = id("select id from training_class where name = '工业机器人系统运维员（四级）2026 年第 2 期'");
        var other = user(accounts.load("nb-college"));
        mvc.perform(get("/programmes/" + programme).with(other)).andExpect(status().isNotFound());
        mvc.perform(programmeForm(post("/programmes/" + programme), "他校改名" + tag).param("version", "0")
                .with(other).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/programmes/" + programme + "/submit").param("version", "0").with(other).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/programmes").param("q", "他校不可见" + tag).with(other))
                .andExpect(content().string(not(containsString("/programmes/" + programme + "\""))));
        mvc.perform(get("/classes/" + running).with(other)).andExpect(status().isNotFound());
        long published = id("select id from programme where name = '工业机器人系统运维员（四级）岗位技能培训'");
        mvc.perform(get("/programmes/" + published).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/classes/" + running).with(other)).andExpect(status().isNotFound());
        mvc.perform(post("/classes/" + running + "/status").param("target", "CANCELLED").param("reason", "x")
                .param("version", "0").with(other).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/classes").with(other))
                .andExpect(content().string(not(containsString("工业机器人系统运维员（四级）2026 年第 2 期"))));
        assertThat(DataScope.asSystem(() -> jdbc.sql("select status from programme where id = ?").param(programme)
                .query(String.class).single())).isEqualTo("DRAFT");
    }

    @Test
    void aTeacherSeesOnlyTheClassesTheyTeach() throws Exception {
        long programme = publishedProgramme("教师范围" + tag, 10, 0, 0);
        long notTheirs = classViaSql(programme, "他人班级" + tag, null);
        long theirs = classViaSql(programme, "本人班级" + tag, teacher());
        var teacher = user(accounts.load("teacher"));
        mvc.perform(get("/classes").param("q", tag).with(teacher))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本人班级" + tag)))
                .andExpect(content().string(not(containsString("他人班级" + tag))));
        mvc.perform(get("/classes/" + theirs).with(teacher)).andExpect(status().isOk());
        mvc.perform(get("/classes/" + notTheirs).with(teacher)).andExpect(status().isNotFound());
    }

    @Test
    void badClassInputIsRefusedAtTheFieldNeverWithAServerError() throws Exception {
        long programme = publishedProgramme("坏输入" + tag, 10, 0, 0);
        long strangerId = id("select id from app_user where username = 'nb-college'");
        mvc.perform(post("/classes").param("programmeId", String.valueOf(programme)).param("name", "坏班" + tag)
                        .param("startDate", day.toString()).param("endDate", day.minusDays(3).toString())
                        .param("capacity", "0").param("headTeacherId", String.valueOf(strangerId))
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "capacity"));
        mvc.perform(post("/classes").param("programmeId", String.valueOf(programme)).param("name", "坏班" + tag)
                        .param("startDate", day.toString()).param("endDate", day.minusDays(3).toString())
                        .param("capacity", "10").param("headTeacherId", String.valueOf(strangerId))
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "endDate", "class.dates.order"))
                .andExpect(model().attributeHasFieldErrorCode("form", "headTeacherId", "class.teacher.unknown"));
        mvc.perform(post("/classes").param("programmeId", "abc").param("startDate", "not-a-date")
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "programmeId", "startDate"));
        assertThat(count("select count(*) from training_class where name = '坏班" + tag + "'")).isZero();
    }

    @Test
    void aClassRunsOnlyAnApprovedOrPublishedProgrammeAndInheritsItsScopeColumns() throws Exception {
        long draft = createProgramme("未审核开班" + tag);
        mvc.perform(classForm(draft, "未审核班" + tag).with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "programmeId", "class.programme.notRunnable"));
        long published = publishedProgramme("开班继承" + tag, 10, 0, 0);
        long c = createClass(published, "继承班" + tag);
        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select institution_id || ':' || institution_kind || ':' || region_code || ':' || subsidised
                        from training_class where id = ?""").param(c).query(String.class).single()))
                .isEqualTo(college() + ":HIGHER_VOCATIONAL:330106:true");
    }

    @Test
    void refusesATeacherBookedTwiceNamingTheClashingSession() throws Exception {
        long programme = publishedProgramme("教师冲突" + tag, 10, 0, 0);
        long first = createClass(programme, "甲班" + tag);
        long second = createClass(programme, "乙班" + tag);
        mvc.perform(session(first, "09:00", "11:00", "THEORY", teacher(), classroom(), "机床结构" + tag)
                .with(user(accounts.load("trainer"))).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(session(second, "10:00", "12:00", "THEORY", teacher(), null, "冲突课" + tag)
                        .param("venueId", String.valueOf(workshop()))
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "teacherId", "session.teacher.clash"))
                .andExpect(content().string(containsString("教师王强在 " + day + " 09:00–11:00 已有课次「机床结构" + tag
                        + "」（甲班" + tag + "）")));
        mvc.perform(session(second, "10:00", "12:00", "THEORY", teacher(), null, "冲突课" + tag)
                        .param("venueId", String.valueOf(workshop())).param("lang", "en")
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Teacher 王强 already has the session")))
                .andExpect(content().string(containsString("(甲班" + tag + ") at " + day + " 09:00–11:00")));
    }

    @Test
    void refusesAVenueBookedTwiceNamingTheClashingSession() throws Exception {
        long programme = publishedProgramme("场地冲突" + tag, 10, 0, 0);
        long first = createClass(programme, "丙班" + tag);
        long second = createClass(programme, "丁班" + tag);
        mvc.perform(session(first, "14:00", "16:00", "THEORY", null, classroom(), "场地课" + tag)
                .with(user(accounts.load("trainer"))).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(session(second, "15:00", "17:00", "THEORY", null, classroom(), "后来课" + tag)
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "venueId", "session.venue.clash"))
                .andExpect(content().string(containsString("已有课次「场地课" + tag + "」（丙班" + tag + "）")));
    }

    @Test
    void refusesASessionWhenALearnerOfTheClassSitsInAnotherClassAtThatTime() throws Exception {
        long programme = publishedProgramme("学员冲突" + tag, 0, 0, 10);
        long first = createClass(programme, "戊班" + tag);
        long second = createClass(programme, "己班" + tag);
        long person = person("冲突学员");
        enrol(first, person);
        enrol(second, person);
        mvc.perform(session(first, "19:00", "21:00", "ONLINE", null, null, "晚课" + tag)
                .with(user(accounts.load("trainer"))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(catalogueQueries.overlapForPerson(person, second)).isEmpty();
        mvc.perform(session(second, "20:00", "22:00", "ONLINE", null, null, "撞课" + tag)
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("form"))
                .andExpect(content().string(containsString("学员冲***在 " + day + " 19:00–21:00 已有其他培训班的课次「晚课"
                        + tag + "」（戊班" + tag + "）")));
        DataScope.asSystem(() -> jdbc.sql("""
                        insert into class_session (class_id, institution_id, starts_at, ends_at, kind, hours)
                        values (?, ?, ?, ?, 'ONLINE', 1)""")
                .params(second, college(), Schedule.at(day, java.time.LocalTime.of(20, 0)),
                        Schedule.at(day, java.time.LocalTime.of(21, 0))).update());
        assertThat(catalogueQueries.overlapForPerson(person, second)).get().asString()
                .contains("晚课" + tag).contains("戊班" + tag);
    }

    @Test
    void refusesSessionsBeyondTheProgrammesHoursAndShowsTheBalance() throws Exception {
        long programme = publishedProgramme("学时上限" + tag, 3, 0, 0);
        long c = createClass(programme, "庚班" + tag);
        mvc.perform(session(c, "09:00", "11:00", "THEORY", null, classroom(), "第一课" + tag)
                .with(user(accounts.load("trainer"))).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(session(c, "13:00", "15:00", "THEORY", null, classroom(), "第二课" + tag)
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "hours", "session.hours.exceeded"))
                .andExpect(content().string(containsString("排课后理论学时将达到 4，超过项目规定的 3 学时")));
        mvc.perform(session(c, "11:00", "09:00", "THEORY", null, classroom(), "倒序" + tag)
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "end", "session.time.order"));
        mvc.perform(get("/classes/" + c).with(user(accounts.load("trainer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第一课" + tag)))
                .andExpect(content().string(containsString("不足")));
    }

    @Test
    void generatesAWeeklyScheduleAfterAPreviewSkippingDatesThatHaveASession() throws Exception {
        long programme = publishedProgramme("按周排课" + tag, 20, 0, 4);
        long c = DataScope.asSystem(() -> jdbc.sql("""
                        insert into training_class (programme_id, institution_id, institution_kind, region_code,
                            subsidised, name, start_date, end_date, capacity)
                        select id, institution_id, institution_kind, region_code, true, ?, ?, ?, 30 from programme
                        where id = ? returning id""")
                .params("周班" + tag, day, day.plusDays(13), programme).query(Long.class).single());
        mvc.perform(session(c, "09:00", "11:00", "ONLINE", null, null, "已有" + tag)
                .with(user(accounts.load("trainer"))).with(csrf())).andExpect(status().is3xxRedirection());
        var pattern = post("/classes/" + c + "/sessions/pattern/preview").param("from", day.toString())
                .param("to", day.plusDays(13).toString()).param("weekdays", day.getDayOfWeek().name())
                .param("start", "14:00").param("end", "16:00").param("kind", "THEORY").param("hours", "2")
                .param("topic", "周课" + tag);
        mvc.perform(pattern.with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("将新增 1 个课次")));
        assertThat(count("select count(*) from class_session where class_id = " + c)).isEqualTo(1);
        mvc.perform(post("/classes/" + c + "/sessions/pattern").param("from", day.toString())
                        .param("to", day.plusDays(13).toString()).param("weekdays", day.getDayOfWeek().name())
                        .param("start", "14:00").param("end", "16:00").param("kind", "ONLINE").param("hours", "2")
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from class_session where class_id = " + c)).isEqualTo(2);
    }

    @Test
    void aClassMovesFromPlannedToEnrollingAndIsCancelledOnlyWithAReason() throws Exception {
        long programme = publishedProgramme("班级状态" + tag, 10, 0, 0);
        long c = createClass(programme, "辛班" + tag);
        mvc.perform(post("/classes/" + c + "/status").param("target", "ENROLLING").param("version", "0")
                .with(user(accounts.load("trainer"))).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/classes/" + c + "/status").param("target", "CANCELLED").param("reason", " ")
                        .param("version", "1").with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(flash().attribute("refusal", "取消培训班须填写原因（不超过 500 字）"));
        mvc.perform(post("/classes/" + c + "/status").param("target", "COMPLETED").param("version", "1")
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(flash().attribute("refusal", "培训班当前状态不允许此操作"));
        mvc.perform(post("/classes/" + c + "/status").param("target", "CANCELLED").param("reason", "报名人数不足")
                .param("version", "0").with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(flash().attribute("refusal", "该记录已被他人修改，请刷新页面后重新操作。"));
        assertThat(DataScope.asSystem(() -> jdbc.sql("select status from training_class where id = ?").param(c)
                .query(String.class).single())).isEqualTo("ENROLLING");
    }

    @Test
    void theEditFormsOfAProgrammeAClassAndASessionOpenFilledIn() throws Exception {
        long programme = createProgramme("编辑表单" + tag);
        var trainer = user(accounts.load("trainer"));
        mvc.perform(get("/programmes/" + programme + "/edit").with(trainer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("车削实训")));
        long published = publishedProgramme("编辑班级" + tag, 10, 0, 0);
        long c = createClass(published, "壬班" + tag);
        mvc.perform(session(c, "09:00", "11:00", "THEORY", teacher(), classroom(), "编辑课" + tag)
                .with(trainer).with(csrf())).andExpect(status().is3xxRedirection());
        long session = id("select id from class_session where topic = '编辑课" + tag + "'");
        mvc.perform(get("/classes/" + c + "/edit").with(trainer))
                .andExpect(status().isOk()).andExpect(content().string(containsString("壬班" + tag)));
        mvc.perform(get("/classes/" + c + "/sessions/" + session + "/edit").with(trainer))
                .andExpect(status().isOk()).andExpect(content().string(containsString("编辑课" + tag)));
        mvc.perform(get("/classes/" + c + "/sessions/pattern").with(trainer)).andExpect(status().isOk());
        mvc.perform(post("/classes/" + c + "/sessions/" + session).param("date", day.toString())
                        .param("start", "13:00").param("end", "15:00").param("kind", "THEORY")
                        .param("venueId", String.valueOf(classroom())).param("hours", "2").param("topic", "改期" + tag)
                        .param("version", "0").with(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/classes/" + c + "/sessions/" + session).param("date", day.toString())
                        .param("start", "13:00").param("end", "15:00").param("kind", "THEORY")
                        .param("venueId", String.valueOf(classroom())).param("hours", "2").param("topic", "过期" + tag)
                        .param("version", "0").with(trainer).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该记录已被他人修改")));
        mvc.perform(post("/classes/" + c + "/sessions/" + session + "/delete").with(trainer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from class_session where id = " + session)).isZero();
    }

    @Test
    void attachesAStandardAsPdfAndRefusesOtherFileTypes() throws Exception {
        long programme = createProgramme("附件" + tag);
        var trainer = user(accounts.load("trainer"));
        mvc.perform(multipart("/programmes/" + programme + "/documents")
                        .file(new MockMultipartFile("file", "脚本.exe", "application/octet-stream", new byte[] {1}))
                        .param("kind", "TRAINING_PLAN").with(trainer).with(csrf()))
                .andExpect(flash().attribute("refusal", "只能上传 PDF、Word 或 Excel 文件"));
        mvc.perform(multipart("/programmes/" + programme + "/documents")
                        .file(new MockMultipartFile("file", "培训方案.pdf", "application/pdf", "%PDF-1.4".getBytes()))
                        .param("kind", "TRAINING_PLAN").with(trainer).with(csrf()))
                .andExpect(flash().attribute("saved", true));
        long document = id("select id from programme_document where programme_id = " + programme);
        mvc.perform(get("/programmes/" + programme + "/documents/" + document).with(trainer))
                .andExpect(status().isOk())
                .andExpect(content().bytes("%PDF-1.4".getBytes()));
        mvc.perform(get("/programmes/" + programme + "/documents/" + document)
                .with(user(accounts.load("nb-college")))).andExpect(status().isNotFound());
    }

    @Test
    void exportsTheProgrammeListAsExcel() throws Exception {
        mvc.perform(get("/programmes/export").with(user(accounts.load("trainer"))))
                .andExpect(status().isOk())
                .andExpect(content().contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    private MockHttpServletRequestBuilder programmeForm(MockHttpServletRequestBuilder request, String name) {
        return programmeForm(request, name, Map.of());
    }

    private MockHttpServletRequestBuilder programmeForm(MockHttpServletRequestBuilder request, String name,
                                                        Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("type", "JOB_SKILLS");
        fields.put("fundingMode", "SUBSIDISED");
        fields.put("industryField", "SMART_MANUFACTURING");
        fields.put("occupationName", "车工");
        fields.put("skillLevel", "4");
        fields.put("theoryHours", "10");
        fields.put("practiceHours", "20");
        fields.put("onlineHours", "0");
        fields.put("deliveryMode", "ON_CAMPUS");
        fields.put("modules[0].name", "识图");
        fields.put("modules[0].hours", "10");
        fields.put("modules[1].name", "车削实训");
        fields.put("modules[1].hours", "20");
        fields.put("fee", "0");
        fields.put("completionAward", "TRAINING_CERTIFICATE");
        fields.put("attendancePercent", "80");
        fields.put("theoryWeightPercent", "40");
        fields.put("passMark", "60");
        fields.putAll(overrides);
        fields.forEach(request::param);
        return request.param("targetGroups", "MIGRANT_WORKERS", "VETERANS");
    }

    private long createProgramme(String name) throws Exception {
        mvc.perform(programmeForm(post("/programmes"), name).with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return id("select id from programme where name = '" + name + "'");
    }

    private void transition(long programme, String action, String username) throws Exception {
        int version = DataScope.asSystem(() -> jdbc.sql("select version from programme where id = ?")
                .param(programme).query(Integer.class).single());
        mvc.perform(post("/programmes/" + programme + "/" + action).param("version", String.valueOf(version))
                        .with(user(accounts.load(username))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeCount(1))
                .andExpect(flash().attribute("saved", true));
    }

    private long publishedProgramme(String name, int theory, int practice, int online) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into programme (institution_id, institution_kind, region_code, name, type, funding_mode,
                            industry_field, theory_hours, practice_hours, online_hours, delivery_mode, status)
                        select id, kind, region_code, ?, 'JOB_SKILLS', 'SUBSIDISED', 'OTHER', ?, ?, ?, 'BLENDED',
                               'PUBLISHED'
                        from institution where name = '浙江育训职业技术学院' returning id""")
                .params(name, theory, practice, online).query(Long.class).single());
    }

    private long classViaSql(long programme, String name, Long headTeacher) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into training_class (programme_id, institution_id, institution_kind, region_code,
                            subsidised, name, start_date, end_date, capacity, head_teacher_id)
                        select id, institution_id, institution_kind, region_code, true, ?, ?, ?, 30, ? from programme
                        where id = ? returning id""")
                .params(name, day, day.plusDays(1), headTeacher, programme).query(Long.class).single());
    }

    private MockHttpServletRequestBuilder classForm(long programme, String name) {
        return post("/classes").param("programmeId", String.valueOf(programme)).param("name", name)
                .param("startDate", day.toString()).param("endDate", day.plusDays(1).toString())
                .param("capacity", "30").param("venueIds", String.valueOf(classroom()));
    }

    private long createClass(long programme, String name) throws Exception {
        mvc.perform(classForm(programme, name).with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return id("select id from training_class where name = '" + name + "'");
    }

    private MockHttpServletRequestBuilder session(long classId, String start, String end, String kind, Long teacher,
                                                  Long venue, String topic) {
        MockHttpServletRequestBuilder request = post("/classes/" + classId + "/sessions").param("date", day.toString())
                .param("start", start).param("end", end).param("kind", kind).param("hours", "2")
                .param("topic", topic);
        if (teacher != null) {
            request.param("teacherId", String.valueOf(teacher));
        }
        if (venue != null) {
            request.param("venueId", String.valueOf(venue));
        }
        return request;
    }

    private long person(String name) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into person (name, document_type, document_cipher, document_hash, document_masked)
                        values (?, 'RESIDENT_ID_CARD', ?, ?, '3301**********0000') returning id""")
                .params(name, new byte[] {1}, UUID.randomUUID().toString().getBytes())
                .query(Long.class).single());
    }

    private void enrol(long classId, long person) {
        DataScope.asSystem(() -> jdbc.sql("""
                        insert into enrolment (class_id, institution_id, institution_kind, region_code, subsidised,
                                               person_id, source)
                        select id, institution_id, institution_kind, region_code, subsidised, ?, 'STAFF'
                        from training_class where id = ?""")
                .params(person, classId).update());
    }

    private long college() {
        return id("select id from institution where name = '浙江育训职业技术学院'");
    }

    private long teacher() {
        return id("select id from app_user where username = 'teacher'");
    }

    private long classroom() {
        return id("select id from venue where name = '实训楼 A101 理论教室'");
    }

    private long workshop() {
        return id("select id from venue where name = '智能制造实训基地'");
    }

    private long id(String sql) {
        return DataScope.asSystem(() -> jdbc.sql(sql).query(Long.class).single());
    }

    private long count(String sql) {
        return DataScope.asSystem(() -> jdbc.sql(sql).query(Long.class).single());
    }
}
