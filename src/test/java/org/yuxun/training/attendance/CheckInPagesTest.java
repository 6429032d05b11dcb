package org.yuxun.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.MasterKey;
import org.yuxun.shared.YuxunProperties;

/** QR check-in end to end: the code on the teacher's screen, the learner's phone, and every refusal. */
@IntegrationTest
class CheckInPagesTest {

    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AttendanceTokens tokens;

    @Autowired
    MasterKey masterKey;

    @Autowired
    YuxunProperties properties;

    AttendanceFixture fixture;
    AttendanceFixture.Learner learner;
    long session;

    @BeforeEach
    void classInSession() {
        fixture = new AttendanceFixture(jdbc).createClass();
        learner = fixture.learner("考勤学员" + fixture.marker.substring(2, 6), true);
        session = fixture.session("THEORY", Duration.ofMinutes(-10), Duration.ofHours(2));
    }

    @Test
    void learnerChecksInWithTheCodeDecodedFromTheTeachersQrImage() throws Exception {
        byte[] png = mvc.perform(get("/sessions/{id}/attendance/qr.png", session)
                        .with(user(accounts.load("teacher"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        String link = decode(png);
        assertThat(link).startsWith(properties.publicBaseUrl() + "/m/check-in?t=");
        URI uri = URI.create(link);
        assertThat(tokens.verify(uri.getQuery().substring(2)).sessionId()).isEqualTo(session);

        mvc.perform(get(uri.getPath() + "?" + uri.getQuery()).with(user(accounts.load(learner.username())))
                        .header("User-Agent", PHONE).with(request -> {
                            request.setRemoteAddr("10.1.2.3");
                            return request;
                        }))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("签到成功")))
                .andExpect(content().string(containsString(fixture.marker + "班")))
                .andExpect(header().string("Set-Cookie", containsString("yx_device=")));

        Map<String, Object> row = DataScope.asSystem(() -> jdbc.sql("""
                        select method, ip, user_agent, device_fingerprint, token_id, person_id from check_in
                        where session_id = ? and enrolment_id = ?""")
                .params(session, learner.enrolmentId()).query().singleRow());
        assertThat(row.get("method")).isEqualTo("QR");
        assertThat(row.get("ip")).isEqualTo("10.1.2.3");
        assertThat(row.get("user_agent")).isEqualTo(PHONE);
        assertThat((String) row.get("device_fingerprint")).hasSize(32);
        assertThat(row.get("token_id")).isNotNull();
        assertThat(row.get("person_id")).isEqualTo(learner.personId());
    }

    @Test
    void theSameDeviceCookieGivesTheSameFingerprint() throws Exception {
        AttendanceFixture.Learner other = fixture.learner("同机学员" + fixture.marker.substring(2, 6), true);
        Cookie device = new Cookie("yx_device", "0f8fad5b-d9cb-469f-a165-70867728950e");
        checkIn(tokens.issue(session, Direction.IN), learner).andExpect(status().isOk());
        mvc.perform(get("/m/check-in").param("t", tokens.issue(session, Direction.IN)).cookie(device)
                .header("User-Agent", PHONE).with(user(accounts.load(learner.username()))));
        mvc.perform(get("/m/check-in").param("t", tokens.issue(session, Direction.IN)).cookie(device)
                        .header("User-Agent", PHONE).with(user(accounts.load(other.username()))))
                .andExpect(status().isOk());
        String expected = CheckInEndpoint.fingerprint("0f8fad5b-d9cb-469f-a165-70867728950e", PHONE);
        long sameDevice = DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from check_in where session_id = ? and device_fingerprint = ?""")
                .params(session, expected).query(Long.class).single());
        assertThat(sameDevice).isEqualTo(1);
    }

    @Test
    void aHeadRequestChecksNobodyIn() throws Exception {
        String code = tokens.issue(session, Direction.IN);
        mvc.perform(head("/m/check-in").param("t", code).header("User-Agent", PHONE)
                        .with(user(accounts.load(learner.username()))))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(""));
        assertThat(checkIns(learner)).isZero();
        checkIn(code, learner).andExpect(status().isOk()).andExpect(content().string(containsString("签到成功")));
        assertThat(checkIns(learner)).isEqualTo(1);
    }

    @Test
    void refusesAReplayedTokenAndASecondCheckIn() throws Exception {
        String code = tokens.issue(session, Direction.IN);
        checkIn(code, learner).andExpect(status().isOk()).andExpect(content().string(containsString("签到成功")));
        checkIn(code, learner).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("这个二维码您已经使用过了")));
        checkIn(tokens.issue(session, Direction.IN), learner).andExpect(status().isOk())
                .andExpect(content().string(containsString("您已经签到过了")));
        assertThat(checkIns(learner)).isEqualTo(1);
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        AttendanceTokens earlier = new AttendanceTokens(masterKey.derive("attendance.token", "HmacSHA256"),
                Clock.fixed(Instant.now().minusSeconds(45), ZoneOffset.UTC), Duration.ofSeconds(30));
        checkIn(earlier.issue(session, Direction.IN), learner).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("二维码已过期")));
        assertThat(checkIns(learner)).isZero();
    }

    @Test
    void refusesAForgedToken() throws Exception {
        String code = tokens.issue(session, Direction.IN);
        String forged = code.substring(0, code.length() - 3) + (code.endsWith("AAA") ? "BBB" : "AAA");
        checkIn(forged, learner).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("二维码无效")));
        checkIn("hello", learner).andExpect(status().isUnprocessableContent());
        assertThat(checkIns(learner)).isZero();
    }

    @Test
    void refusesACheckInToASessionDeletedAfterItsWindowWasRead() throws Exception {
        long spare = fixture.session("THEORY", Duration.ofMinutes(-5), Duration.ofHours(1));
        AttendanceFixture.Learner outsider = fixture.learner("旁观学员" + fixture.marker.substring(2, 6), false);
        checkIn(tokens.issue(spare, Direction.IN), outsider).andExpect(status().isUnprocessableContent());
        DataScope.asSystem(() -> jdbc.sql("delete from class_session where id = ?").param(spare).update());

        checkIn(tokens.issue(spare, Direction.IN), learner).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("二维码无效")));
        assertThat(checkIns(learner)).isZero();
    }

    @Test
    void theCheckInFunctionRecordsOnlyALearnerNamedByBothTheCallAndTheScope() {
        AttendanceFixture.Learner outsider = fixture.learner("越权学员" + fixture.marker.substring(2, 6), false);
        DataScope staff = new DataScope(DataScope.Kind.INSTITUTION, fixture.teacher, null, fixture.college, null);
        DataScope notEnrolled = new DataScope(DataScope.Kind.LEARNER, null, outsider.personId(), null, null);
        DataScope own = new DataScope(DataScope.Kind.LEARNER, null, learner.personId(), null, null);

        assertThat(DataScope.as(staff, () -> record(learner.personId(), session))).isNull();
        assertThat(DataScope.as(DataScope.SYSTEM, () -> record(learner.personId(), session))).isNull();
        assertThat(DataScope.as(notEnrolled, () -> record(outsider.personId(), session))).isNull();
        assertThat(DataScope.as(notEnrolled, () -> record(learner.personId(), session)))
                .as("a person other than the scope's").isNull();
        assertThat(DataScope.as(own, () -> record(outsider.personId(), session)))
                .as("the scope's learner, but the call names another").isNull();
        long elsewhere = DataScope.asSystem(() -> new AttendanceFixture(jdbc).createClass()
                .session("THEORY", Duration.ofMinutes(-10), Duration.ofHours(2)));
        assertThat(DataScope.as(own, () -> record(learner.personId(), elsewhere)))
                .as("a session of another class").isNull();
        assertThat(checkIns(learner)).isZero();

        Long id = DataScope.as(own, () -> record(learner.personId(), session));
        assertThat(id).isNotNull();
        Map<String, Object> row = DataScope.asSystem(() -> jdbc.sql(
                "select person_id, enrolment_id, session_id from check_in where id = ?").param(id).query().singleRow());
        assertThat(row).containsEntry("person_id", learner.personId())
                .containsEntry("enrolment_id", learner.enrolmentId()).containsEntry("session_id", session);

        long later = fixture.session("THEORY", Duration.ofMinutes(-5), Duration.ofHours(1));
        DataScope.asSystem(() -> jdbc.sql("update enrolment set status = 'WITHDRAWN' where id = ?")
                .param(learner.enrolmentId()).update());
        assertThat(DataScope.as(own, () -> record(learner.personId(), later))).as("withdrawn").isNull();
    }

    private Long record(long person, long inSession) {
        return jdbc.sql("select record_qr_check_in(?, ?, ?, 'IN', now(), 'scope-test', 'fp', '10.0.0.9', 'test')")
                .params(person, inSession, fixture.classId)
                .query((rs, n) -> rs.getObject(1, Long.class)).list().getFirst();
    }

    @Test
    void refusesATokenOfAnotherSession() throws Exception {
        long other = fixture.session("THEORY", Duration.ofHours(5), Duration.ofHours(1));
        mvc.perform(get("/m/check-in").param("t", tokens.issue(other, Direction.IN))
                        .param("session", String.valueOf(session)).with(user(accounts.load(learner.username()))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("这个二维码属于另一节课")));
    }

    @Test
    void refusesALearnerWhoIsNotEnrolledInTheClass() throws Exception {
        AttendanceFixture.Learner outsider = fixture.learner("未报名学员" + fixture.marker.substring(2, 6), false);
        checkIn(tokens.issue(session, Direction.IN), outsider).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("您没有报名这节课所属的培训班")))
                .andExpect(content().string(not(containsString(fixture.marker))));
        long rows = DataScope.asSystem(() -> jdbc.sql("select count(*) from check_in where person_id = ?")
                .param(outsider.personId()).query(Long.class).single());
        assertThat(rows).isZero();
    }

    @Test
    void refusesCheckInOutsideTheSessionsWindow() throws Exception {
        long later = fixture.session("THEORY", Duration.ofHours(3), Duration.ofHours(1));
        checkIn(tokens.issue(later, Direction.IN), learner).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("现在不在这节课的签到时间内")));
        long soon = fixture.session("THEORY", Duration.ofMinutes(20), Duration.ofMinutes(30));
        checkIn(tokens.issue(soon, Direction.IN), learner).andExpect(status().isOk())
                .andExpect(content().string(containsString("签到成功")));
    }

    @Test
    void checkOutIsOnlyForPracticeSessions() throws Exception {
        checkIn(tokens.issue(session, Direction.OUT), learner).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("这节课不需要签退")));
        long practice = fixture.session("PRACTICE", Duration.ofHours(-2), Duration.ofMinutes(170));
        checkIn(tokens.issue(practice, Direction.IN), learner).andExpect(status().isOk());
        checkIn(tokens.issue(practice, Direction.OUT), learner).andExpect(status().isOk())
                .andExpect(content().string(containsString("签退成功")));
    }

    @Test
    void aStaffAccountCannotCheckInForAnyone() throws Exception {
        mvc.perform(get("/m/check-in").param("t", tokens.issue(session, Direction.IN))
                        .with(user(accounts.load("teacher"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("请使用学员本人的账号登录后签到")));
    }

    @Test
    void thePageSpeaksTheLanguageAskedForAndRemembersIt() throws Exception {
        var english = mvc.perform(get("/m/check-in").param("t", tokens.issue(session, Direction.IN))
                        .param("lang", "en").header("User-Agent", PHONE)
                        .with(user(accounts.load(learner.username()))))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andExpect(content().string(containsString("Checked in")))
                .andReturn().getResponse();
        assertThat(english.getCookie("yuxun-lang")).isNotNull();
        assertThat(english.getCookie("yuxun-lang").getValue()).isEqualTo("en");
        mvc.perform(get("/m/check-in").param("t", tokens.issue(session, Direction.IN)).param("session", "x")
                        .header("User-Agent", PHONE).with(user(accounts.load(learner.username()))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("这个二维码属于另一节课")));
    }

    @Test
    void checkInNeedsSigningIn() throws Exception {
        mvc.perform(get("/m/check-in").param("t", tokens.issue(session, Direction.IN)))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }

    @Test
    void aLearnerWhoScansBeforeSigningInIsBroughtBackToTheCheckIn() throws Exception {
        String code = tokens.issue(session, Direction.IN);
        var asked = mvc.perform(get("/m/check-in?t=" + code))
                .andExpect(status().is3xxRedirection()).andReturn();
        Cookie[] cookies = asked.getResponse().getCookies();
        assertThat(cookies).isNotEmpty();
        var signedIn = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                        .cookie(cookies).with(csrf())
                        .param("username", learner.username()).param("password", "x"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse();
        String back = signedIn.getRedirectedUrl();
        assertThat(back).contains("/m/check-in?t=" + code);
        mvc.perform(get(URI.create(back).getPath() + "?" + URI.create(back).getQuery())
                        .cookie(signedIn.getCookies().length > 0 ? signedIn.getCookies() : cookies))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("签到成功")));
    }

    @Test
    void theLiveListShowsWhoHasCheckedIn() throws Exception {
        AttendanceFixture.Learner absent = fixture.learner("缺席学员" + fixture.marker.substring(2, 6), true);
        checkIn(tokens.issue(session, Direction.IN), learner).andExpect(status().isOk());
        mvc.perform(get("/sessions/{id}/attendance/live", session).with(user(accounts.load("teacher"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(learner.name())))
                .andExpect(content().string(containsString(absent.name())))
                .andExpect(content().string(containsString("data-count=\"checked-in\">1<")))
                .andExpect(content().string(containsString("data-count=\"enrolled\">2<")));
        mvc.perform(get("/sessions/{id}/attendance", session).with(user(accounts.load("teacher"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data:image/png;base64,")));
    }

    @Test
    void staffOfAnotherInstitutionNeverSeeTheSession() throws Exception {
        for (String path : new String[] {"/sessions/{id}/attendance", "/sessions/{id}/attendance/live",
                "/sessions/{id}/attendance/qr.png", "/sessions/{id}/attendance/roll-call"}) {
            mvc.perform(get(path, session).with(user(accounts.load("nb-college"))))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString(fixture.marker))));
        }
        mvc.perform(get("/classes/{id}/attendance", fixture.classId).with(user(accounts.load("nb-college"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/sessions/{id}/attendance", session).with(user(accounts.load(learner.username()))))
                .andExpect(status().isForbidden());
    }

    private ResultActions checkIn(String code, AttendanceFixture.Learner who) throws Exception {
        return mvc.perform(get("/m/check-in").param("t", code).header("User-Agent", PHONE)
                .with(user(accounts.load(who.username()))).with(csrf()));
    }

    private long checkIns(AttendanceFixture.Learner who) {
        return DataScope.asSystem(() -> jdbc.sql("select count(*) from check_in where enrolment_id = ?")
                .param(who.enrolmentId()).query(Long.class).single());
    }

    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
    }
}
