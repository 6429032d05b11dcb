package org.yuxun.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.NotFound;

/**
 * Online study time against the real database, with the service built on a clock the test moves (the
 * application's own clock is untouched).
 */
@IntegrationTest
class OnlineStudyTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    PlatformTransactionManager transactions;

    AttendanceFixture fixture;
    AttendanceFixture.Learner learner;
    MovableClock clock;
    OnlineStudy study;
    long session;
    Instant start;

    @BeforeEach
    void onlineSessionOfTwoHours() {
        fixture = new AttendanceFixture(jdbc).createClass();
        learner = fixture.learner("线上学员" + fixture.marker.substring(2, 6), true);
        session = fixture.session("ONLINE", Duration.ofDays(2), Duration.ofHours(2));
        start = DataScope.asSystem(() -> jdbc.sql("select starts_at from class_session where id = ?")
                .param(session).query(Instant.class).single());
        clock = new MovableClock(start);
        study = new OnlineStudy(jdbc, AttendanceSettings.defaults(), clock, new TransactionTemplate(transactions),
                new Random(7));
    }

    @Test
    void noHeartbeatEarnsNoTime() {
        clock.set(start.plus(Duration.ofMinutes(90)));
        assertThat(asLearner(() -> study.state(session, learner.personId())).creditedSeconds()).isZero();
    }

    @Test
    void heartbeatsOutsideTheScheduledWindowEarnNothing() {
        for (int i = 0; i < 20; i++) {
            clock.set(start.minus(Duration.ofMinutes(20)).plusSeconds(30L * i));
            beat(true, null);
        }
        clock.set(start.plus(Duration.ofHours(2)).plusSeconds(30));
        beat(true, null);
        clock.set(start.plus(Duration.ofHours(2)).plusSeconds(60));
        OnlineStudy.StudyState state = beat(true, null);
        assertThat(state.creditedSeconds()).isZero();
        assertThat(state.open()).isFalse();
    }

    @Test
    void twoTabsEarnOnlyTheWallClockTime() {
        clock.set(start);
        for (int i = 0; i < 20; i++) {
            clock.set(start.plusSeconds(15L * i));
            beat(true, null);
            beat(true, null);
        }
        assertThat(asLearner(() -> study.state(session, learner.personId())).creditedSeconds())
                .isLessThanOrEqualTo(15L * 19);
    }

    @Test
    void anIdlePageEarnsNothing() {
        for (int i = 0; i < 6; i++) {
            clock.set(start.plusSeconds(30L * i));
            beat(false, null);
        }
        assertThat(asLearner(() -> study.state(session, learner.personId())).creditedSeconds()).isZero();
    }

    @Test
    void aScriptThatOnlySendsHeartbeatsEarnsLessThanATenthOfTheSession() {
        OnlineStudy.StudyState state = null;
        for (long t = 0; t <= Duration.ofHours(2).toSeconds(); t += 30) {
            clock.set(start.plusSeconds(t));
            state = beat(true, null);
        }
        assertThat(state.creditedSeconds()).isLessThan(Duration.ofHours(2).toSeconds() / 10);
        assertThat(state.challenge()).isNotNull();
    }

    @Test
    void aLearnerWhoConfirmsTheChecksEarnsTheWholeSession() {
        OnlineStudy.StudyState state = null;
        String answer = null;
        for (long t = 0; t <= Duration.ofHours(2).toSeconds(); t += 30) {
            clock.set(start.plusSeconds(t));
            state = beat(true, answer);
            answer = state.challenge();
        }
        assertThat(state.creditedSeconds()).isGreaterThan(Duration.ofMinutes(115).toSeconds());
        assertThat(state.creditedSeconds()).isLessThanOrEqualTo(Duration.ofHours(2).toSeconds());
    }

    @Test
    void aGapBetweenHeartbeatsEarnsAtMostOneMinute() {
        clock.set(start);
        beat(true, null);
        clock.set(start.plus(Duration.ofMinutes(2)));
        assertThat(beat(true, null).creditedSeconds()).isEqualTo(60);
    }

    @Test
    void aLearnerNotEnrolledInTheClassIsRefused() {
        AttendanceFixture.Learner outsider = fixture.learner("旁听者" + fixture.marker.substring(2, 6), false);
        clock.set(start.plusSeconds(60));
        assertThatThrownBy(() -> DataScope.as(accounts.load(outsider.username()).dataScope(),
                () -> study.heartbeat(session, outsider.personId(), true, null))).isInstanceOf(NotFound.class);
    }

    @Test
    void aSessionThatIsNotOnlineEarnsNothing() {
        long classroom = fixture.session("THEORY", Duration.ofDays(3), Duration.ofHours(1));
        assertThatThrownBy(() -> asLearner(() -> study.heartbeat(classroom, learner.personId(), true, null)))
                .isInstanceOf(NotFound.class);
    }

    private OnlineStudy.StudyState beat(boolean active, String answer) {
        return asLearner(() -> study.heartbeat(session, learner.personId(), active, answer));
    }

    private <T> T asLearner(java.util.function.Supplier<T> work) {
        return DataScope.as(accounts.load(learner.username()).dataScope(), work);
    }

    /** A clock the test sets. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
