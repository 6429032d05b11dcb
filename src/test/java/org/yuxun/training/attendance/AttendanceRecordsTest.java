package org.yuxun.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.shared.DataScope;
import org.yuxun.training.AttendanceRates;

/** Roll call, corrections, leave and the attendance rate, as the teacher and the learner use them. */
@IntegrationTest
class AttendanceRecordsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AttendanceRates rates;

    @Autowired
    AttendanceDemo demo;

    AttendanceFixture fixture;
    AttendanceFixture.Learner first;
    AttendanceFixture.Learner second;
    long session;

    @BeforeEach
    void classWithTwoLearners() {
        fixture = new AttendanceFixture(jdbc).createClass();
        first = fixture.learner("点名甲" + fixture.marker.substring(2, 6), true);
        second = fixture.learner("点名乙" + fixture.marker.substring(2, 6), true);
        session = fixture.session("THEORY", Duration.ofMinutes(-30), Duration.ofHours(2));
    }

    @Test
    void rollCallRecordsPresenceAndIsAudited() throws Exception {
        mvc.perform(post("/sessions/{id}/attendance/roll-call", session).with(user(accounts.load("teacher")))
                        .with(csrf()).param("mark_" + first.enrolmentId(), "PRESENT")
                        .param("mark_" + second.enrolmentId(), "LEAVE"))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from check_in where enrolment_id = ? and method = 'ROLL_CALL'"
                + " and not voided", first.enrolmentId())).isEqualTo(1);
        assertThat(count("select count(*) from leave_request where enrolment_id = ? and status = 'APPROVED'",
                second.enrolmentId())).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'ROLL_CALL' and object_id = ?",
                String.valueOf(first.enrolmentId()))).isEqualTo(1);
        mvc.perform(post("/sessions/{id}/attendance/roll-call", session).with(user(accounts.load("teacher")))
                        .with(csrf()).param("mark_" + first.enrolmentId(), "PRESENT"))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from check_in where enrolment_id = ?", first.enrolmentId())).isEqualTo(1);
    }

    @Test
    void aCorrectionNeedsAReasonAndIsAudited() throws Exception {
        mvc.perform(post("/sessions/{id}/attendance/corrections", session).with(user(accounts.load("trainer")))
                        .with(csrf()).param("enrolmentId", String.valueOf(first.enrolmentId()))
                        .param("action", "ADD").param("reason", "  "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写更正原因")));
        assertThat(count("select count(*) from check_in where enrolment_id = ?", first.enrolmentId())).isZero();

        mvc.perform(post("/sessions/{id}/attendance/corrections", session).with(user(accounts.load("trainer")))
                        .with(csrf()).param("enrolmentId", String.valueOf(first.enrolmentId()))
                        .param("action", "ADD").param("reason", "手机没电，老师确认到课"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/sessions/{id}/attendance/corrections", session).with(user(accounts.load("trainer")))
                        .with(csrf()).param("enrolmentId", String.valueOf(first.enrolmentId()))
                        .param("action", "VOID").param("reason", "误补签"))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from check_in where enrolment_id = ? and method = 'CORRECTION'"
                + " and voided and reason = '误补签'", first.enrolmentId())).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'ATTENDANCE_CORRECT' and object_id = ?",
                String.valueOf(first.enrolmentId()))).isEqualTo(2);
    }

    @Test
    void rollCallDoesNotEraseAQrCheckIn() throws Exception {
        DataScope.asSystem(() -> jdbc.sql("""
                        insert into check_in (session_id, enrolment_id, institution_id, person_id, direction, method,
                                              token_id, device_fingerprint, ip)
                        values (?, ?, ?, ?, 'IN', 'QR', 'abc', 'fp', '10.0.0.1')""")
                .params(session, first.enrolmentId(), fixture.college, first.personId()).update());
        mvc.perform(post("/sessions/{id}/attendance/roll-call", session).with(user(accounts.load("teacher")))
                        .with(csrf()).param("mark_" + first.enrolmentId(), "ABSENT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已扫码签到")));
        assertThat(count("select count(*) from check_in where enrolment_id = ? and not voided",
                first.enrolmentId())).isEqualTo(1);
    }

    @Test
    void aSessionWithCheckInsCannotBeDeletedEvenIfTheyWereVoided() throws Exception {
        long spare = fixture.session("THEORY", Duration.ofDays(3), Duration.ofHours(2));
        DataScope.asSystem(() -> jdbc.sql("""
                        insert into check_in (session_id, enrolment_id, institution_id, person_id, direction, method,
                                              recorded_by, reason, voided)
                        values (?, ?, ?, ?, 'IN', 'CORRECTION', ?, '误补签', true)""")
                .params(session, first.enrolmentId(), fixture.college, first.personId(), fixture.teacher).update());

        mvc.perform(post("/classes/{id}/sessions/{sessionId}/delete", fixture.classId, session)
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(flash().attribute("refusal", containsString("该课次已有考勤记录，不能删除")));
        assertThat(count("select count(*) from class_session where id = ?", session)).isEqualTo(1);
        assertThatThrownBy(() -> DataScope.asSystem(
                        () -> jdbc.sql("delete from class_session where id = ?").param(session).update()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("has check-ins");

        mvc.perform(post("/classes/{id}/sessions/{sessionId}/delete", fixture.classId, spare)
                        .with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from class_session where id = ?", spare)).isZero();
    }

    @Test
    void anEnrolmentWithCheckInsCannotBeDeleted() {
        DataScope.asSystem(() -> jdbc.sql("""
                        insert into check_in (session_id, enrolment_id, institution_id, person_id, direction, method,
                                              token_id, device_fingerprint, ip)
                        values (?, ?, ?, ?, 'IN', 'QR', 'abc', 'fp', '10.0.0.1')""")
                .params(session, first.enrolmentId(), fixture.college, first.personId()).update());

        assertThatThrownBy(() -> DataScope.asSystem(
                        () -> jdbc.sql("delete from enrolment where id = ?").param(first.enrolmentId()).update()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("has check-ins");
        assertThat(count("select count(*) from enrolment where id = ?", first.enrolmentId())).isEqualTo(1);
    }

    @Test
    void theRateCountsAttendedHoursOfEndedSessionsAndOnlineStudyTime() throws Exception {
        long theory = fixture.session("THEORY", Duration.ofDays(-3), Duration.ofHours(2));
        long practice = fixture.session("PRACTICE", Duration.ofDays(-2), Duration.ofHours(4));
        long online = fixture.session("ONLINE", Duration.ofDays(-1), Duration.ofHours(2));
        fixture.session("THEORY", Duration.ofDays(2), Duration.ofHours(2));
        DataScope.asSystem(() -> {
            jdbc.sql("""
                            insert into check_in (session_id, enrolment_id, institution_id, person_id, direction, method)
                            values (?, ?, ?, ?, 'IN', 'QR'), (?, ?, ?, ?, 'IN', 'QR')""")
                    .params(theory, first.enrolmentId(), fixture.college, first.personId(),
                            practice, first.enrolmentId(), fixture.college, first.personId()).update();
            jdbc.sql("""
                            insert into online_study (session_id, enrolment_id, institution_id, credited_seconds)
                            values (?, ?, ?, 3600), (?, ?, ?, 99999)""")
                    .params(online, first.enrolmentId(), fixture.college,
                            online, second.enrolmentId(), fixture.college).update();
            jdbc.sql("""
                            insert into leave_request (enrolment_id, session_id, institution_id, reason, status)
                            values (?, ?, ?, '病假', 'APPROVED')""")
                    .params(second.enrolmentId(), theory, fixture.college).update();
        });
        Map<Long, AttendanceRates.Rate> byEnrolment = DataScope.as(accounts.load("trainer").dataScope(),
                () -> rates.ofClass(fixture.classId));
        AttendanceRates.Rate a = byEnrolment.get(first.enrolmentId());
        assertThat(a.scheduledHours()).isEqualByComparingTo("8");
        assertThat(a.attendedHours()).isEqualByComparingTo("7");
        assertThat(a.rate()).isEqualByComparingTo(new BigDecimal("0.875"));
        AttendanceRates.Rate b = byEnrolment.get(second.enrolmentId());
        assertThat(b.attendedHours()).isEqualByComparingTo("2");
        assertThat(b.leaveHours()).isEqualByComparingTo("2");
        assertThat(b.rate()).isEqualByComparingTo(new BigDecimal("0.25"));

        assertThat(DataScope.as(accounts.load(first.username()).dataScope(),
                () -> rates.ofEnrolment(first.enrolmentId())).orElseThrow().rate())
                .isEqualByComparingTo(new BigDecimal("0.875"));
        assertThat(DataScope.as(accounts.load(first.username()).dataScope(),
                () -> rates.ofEnrolment(second.enrolmentId()))).isEmpty();
        assertThat(DataScope.as(accounts.load("nb-college").dataScope(),
                () -> rates.ofClass(fixture.classId))).isEmpty();

        mvc.perform(get("/classes/{id}/attendance", fixture.classId).with(user(accounts.load("teacher"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(first.name())))
                .andExpect(content().string(containsString("87.5%")));
        byte[] xlsx = mvc.perform(get("/classes/{id}/attendance/export", fixture.classId)
                        .with(user(accounts.load("teacher"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void aLearnerAsksForLeaveAndTheTeacherApproves() throws Exception {
        long upcoming = fixture.session("THEORY", Duration.ofDays(1), Duration.ofHours(2));
        mvc.perform(get("/leave/new").param("session", String.valueOf(upcoming))
                        .with(user(accounts.load(first.username()))))
                .andExpect(status().isOk());
        mvc.perform(post("/leave").with(user(accounts.load(first.username()))).with(csrf())
                        .param("session", String.valueOf(upcoming)).param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写请假原因")));
        mvc.perform(post("/leave").with(user(accounts.load(first.username()))).with(csrf())
                        .param("session", String.valueOf(upcoming)).param("reason", "单位临时加班"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/leave").with(user(accounts.load(first.username()))).with(csrf())
                        .param("session", String.valueOf(upcoming)).param("reason", "再请一次"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("您已为这节课请过假")));
        mvc.perform(post("/leave").with(user(accounts.load(first.username()))).with(csrf())
                        .param("session", String.valueOf(session)).param("reason", "已开始"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("这节课已经开始")));
        long id = DataScope.asSystem(() -> jdbc.sql("select id from leave_request where enrolment_id = ?")
                .param(first.enrolmentId()).query(Long.class).single());

        mvc.perform(get("/leave").with(user(accounts.load("teacher"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("单位临时加班")));
        mvc.perform(get("/leave").with(user(accounts.load("nb-college"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("单位临时加班"))));
        mvc.perform(post("/leave/{id}/decision", id).with(user(accounts.load("nb-college"))).with(csrf())
                .param("approve", "true")).andExpect(status().isNotFound());
        mvc.perform(post("/leave/{id}/decision", id).with(user(accounts.load("teacher"))).with(csrf())
                .param("approve", "true")).andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from leave_request where id = ? and status = 'APPROVED'", id))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'LEAVE_APPROVE' and object_id = ?",
                String.valueOf(id))).isEqualTo(1);
        mvc.perform(get("/leave/new").param("session", String.valueOf(upcoming))
                        .with(user(accounts.load(second.username())))).andExpect(status().isOk());
        AttendanceFixture.Learner outsider = fixture.learner("外人" + fixture.marker.substring(2, 6), false);
        mvc.perform(post("/leave").with(user(accounts.load(outsider.username()))).with(csrf())
                        .param("session", String.valueOf(upcoming)).param("reason", "想请假"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDemoLeavesTwoLearnersOfACompletedClassBelowTheThreshold() {
        AttendanceFixture.Learner third = fixture.learner("结业丙" + fixture.marker.substring(2, 6), true);
        AttendanceFixture.Learner fourth = fixture.learner("结业丁" + fixture.marker.substring(2, 6), true);
        for (int day = 20; day > 10; day--) {
            fixture.session(day % 3 == 0 ? "PRACTICE" : "THEORY", Duration.ofDays(-day), Duration.ofHours(3));
        }
        DataScope.asSystem(() -> demo.completed(fixture.classId, new java.util.Random(1)));
        Map<Long, AttendanceRates.Rate> byEnrolment = DataScope.as(accounts.load("trainer").dataScope(),
                () -> rates.ofClass(fixture.classId));
        assertThat(byEnrolment.get(first.enrolmentId()).rate()).isGreaterThanOrEqualTo(new BigDecimal("0.8"));
        assertThat(byEnrolment.get(second.enrolmentId()).rate()).isGreaterThanOrEqualTo(new BigDecimal("0.8"));
        assertThat(byEnrolment.get(third.enrolmentId()).rate()).isBetween(new BigDecimal("0.5"), new BigDecimal("0.7"));
        assertThat(byEnrolment.get(fourth.enrolmentId()).rate()).isBetween(new BigDecimal("0.5"), new BigDecimal("0.7"));
        long withEvidence = count("""
                select count(*) from check_in where enrolment_id = ? and device_fingerprint is not null
                and ip like '10.23.%' and user_agent like 'Mozilla/5.0%'""", first.enrolmentId());
        assertThat(withEvidence).isGreaterThan(0);
    }

    @Test
    void theStudyPageAndItsHeartbeatServeOnlyTheEnrolledLearner() throws Exception {
        long online = fixture.session("ONLINE", Duration.ofMinutes(-5), Duration.ofHours(1));
        mvc.perform(get("/sessions/{id}/study", online).with(user(accounts.load(first.username()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-heartbeat")));
        mvc.perform(post("/sessions/{id}/study/heartbeat", online).with(user(accounts.load(first.username())))
                        .with(csrf()).param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"creditedSeconds\":0")));
        AttendanceFixture.Learner outsider = fixture.learner("旁听" + fixture.marker.substring(2, 6), false);
        mvc.perform(post("/sessions/{id}/study/heartbeat", online).with(user(accounts.load(outsider.username())))
                        .with(csrf()).param("active", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/sessions/{id}/study", session).with(user(accounts.load(first.username()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theQrFragmentCarriesAFreshImageForTheProjector() throws Exception {
        mvc.perform(get("/sessions/{id}/attendance/qr", session).with(user(accounts.load("teacher"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data:image/png;base64,")))
                .andExpect(content().string(containsString("hx-get")));
    }

    private long count(String sql, Object param) {
        return DataScope.asSystem(() -> jdbc.sql(sql).param(param).query(Long.class).single());
    }
}
