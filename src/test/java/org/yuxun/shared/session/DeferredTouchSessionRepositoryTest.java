package org.yuxun.shared.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.IntegrationTest;

/**
 * The session store writes a session at once when something in it changed, and only its last-access time — later,
 * for all sessions in one statement — when a request merely used it. Runs against the real session tables, with a
 * writer whose timer is not started, so that the test decides when touches are written.
 */
@IntegrationTest
class DeferredTouchSessionRepositoryTest {

    @Autowired
    HikariDataSource connectionPool;

    @Autowired
    SessionRepository<? extends Session> installed;

    JdbcTemplate jdbc;
    LastAccessWriter touches;
    DeferredTouchSessionRepository sessions;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        jdbc = new JdbcTemplate(connectionPool);
        SessionTransactions transactions = new SessionTransactions(
                new TransactionTemplate(new DataSourceTransactionManager(connectionPool)));
        JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(jdbc, transactions);
        repository.setDefaultMaxInactiveInterval(Duration.ofMinutes(30));
        touches = new LastAccessWriter(connectionPool, 1_000);
        sessions = new DeferredTouchSessionRepository(
                (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) repository,
                transactions, touches, Duration.ofMinutes(1));
    }

    @Test
    void theApplicationUsesThisStore() {
        assertThat(installed).isInstanceOf(DeferredTouchSessionRepository.class);
    }

    @Test
    void aRequestThatOnlyUsedTheSessionIsWrittenLaterAndOnlyItsLastAccess() {
        String id = newSessionIdleFor(Duration.ofMinutes(10));
        long before = lastAccess(id);

        Session used = sessions.findById(id);
        Instant now = Instant.now();
        used.setLastAccessedTime(now);
        assertThat(used.getAttribute("colour").toString()).isEqualTo("blue");
        sessions.save(used);

        assertThat(lastAccess(id)).as("not written by the request").isEqualTo(before);
        assertThat(touches.flush()).isEqualTo(1);
        assertThat(lastAccess(id)).isEqualTo(now.toEpochMilli());
        assertThat(expiry(id)).isEqualTo(now.plus(Duration.ofMinutes(30)).toEpochMilli());
        assertThat(touches.flush()).as("nothing left").isZero();
    }

    @Test
    void aRequestWithinAMinuteOfTheStoredLastAccessWritesNothing() {
        String id = newSessionIdleFor(Duration.ofSeconds(20));
        long before = lastAccess(id);

        Session used = sessions.findById(id);
        used.setLastAccessedTime(Instant.now());
        sessions.save(used);

        assertThat(touches.flush()).isZero();
        assertThat(lastAccess(id)).isEqualTo(before);
        Session later = sessions.findById(id);
        Instant minuteOn = Instant.ofEpochMilli(before).plus(Duration.ofMinutes(1));
        later.setLastAccessedTime(minuteOn);
        sessions.save(later);
        assertThat(touches.flush()).isEqualTo(1);
        assertThat(lastAccess(id)).isEqualTo(minuteOn.toEpochMilli());
    }

    @Test
    void aChangedAttributeIsWrittenAtOnceWithTheLastAccess() {
        String id = newSessionIdleFor(Duration.ofMinutes(10));

        Session used = sessions.findById(id);
        Instant now = Instant.now();
        used.setLastAccessedTime(now);
        used.setAttribute("colour", "green");
        sessions.save(used);

        assertThat(lastAccess(id)).isEqualTo(now.toEpochMilli());
        assertThat(sessions.findById(id).<String>getAttribute("colour")).isEqualTo("green");
        assertThat(touches.flush()).isZero();
    }

    @Test
    void aTouchNeverMovesTheLastAccessBackwards() {
        String id = newSessionIdleFor(Duration.ZERO);
        long current = lastAccess(id);

        touches.touch(id, Instant.ofEpochMilli(current - 60_000));
        touches.flush();

        assertThat(lastAccess(id)).isEqualTo(current);
    }

    @Test
    void anExpiredSessionIsNotFoundAndADeletedOneLeavesNoTouchBehind() {
        String expired = newSessionIdleFor(Duration.ofMinutes(31));
        assertThat(sessions.findById(expired)).isNull();

        String deleted = newSessionIdleFor(Duration.ofMinutes(1));
        Session used = sessions.findById(deleted);
        used.setLastAccessedTime(Instant.now());
        sessions.save(used);
        sessions.deleteById(deleted);

        assertThat(touches.flush()).isZero();
        assertThat(sessions.findById(deleted)).isNull();
    }

    @Test
    void aNewSessionIdIsWrittenAtOnce() {
        String id = newSessionIdleFor(Duration.ofMinutes(1));

        Session used = sessions.findById(id);
        used.setLastAccessedTime(Instant.now());
        String renewed = used.changeSessionId();
        sessions.save(used);

        assertThat(sessions.findById(id)).isNull();
        assertThat(sessions.findById(renewed).<String>getAttribute("colour")).isEqualTo("blue");
    }

    @Test
    void aRequestReadsItsSessionOnceAndNothingOutlivesIt() throws Exception {
        String id = newSessionIdleFor(Duration.ofMinutes(10));
        Session[] seen = new Session[3];
        RequestSessions.during(() -> {
            seen[0] = sessions.findById(id);
            seen[0].setLastAccessedTime(Instant.now());
            sessions.save(seen[0]);
            jdbc.update("delete from spring_session where session_id = ?", id); // gone behind the request's back
            seen[1] = sessions.findById(id);
        });
        assertThat(seen[1]).as("asked again within the request: the session it holds, not a second read")
                .isSameAs(seen[0]);
        RequestSessions.during(() -> seen[2] = sessions.findById(id));
        assertThat(seen[2]).as("the next request reads afresh").isNull();
        assertThat(sessions.findById(id)).as("outside a request nothing is held").isNull();
    }

    @Test
    void aSessionWhoseIdChangedIsNotFoundUnderItsOldIdWithinTheRequest() throws Exception {
        String old = newSessionIdleFor(Duration.ofMinutes(10));
        Session[] seen = new Session[3];
        String[] renewed = new String[1];
        RequestSessions.during(() -> {
            seen[0] = sessions.findById(old);
            renewed[0] = seen[0].changeSessionId();
            sessions.save(seen[0]);
            seen[1] = sessions.findById(old);
            seen[2] = sessions.findById(renewed[0]);
        });
        assertThat(renewed[0]).isNotEqualTo(old);
        assertThat(seen[1]).as("the old id names no session (Spring Session then sends the new cookie)").isNull();
        assertThat(seen[2]).isSameAs(seen[0]);
        assertThat(sessions.findById(old)).isNull();
        assertThat(sessions.findById(renewed[0])).isNotNull();
    }

    @Test
    void aSessionDeletedWithinTheRequestIsNotHeld() throws Exception {
        String id = newSessionIdleFor(Duration.ofMinutes(10));
        Session[] seen = new Session[1];
        RequestSessions.during(() -> {
            sessions.findById(id);
            sessions.deleteById(id);
            seen[0] = sessions.findById(id);
        });
        assertThat(seen[0]).isNull();
    }

    @Test
    void stoppingTheWriterWritesWhatIsPending() {
        String id = newSessionIdleFor(Duration.ofMinutes(10));
        LastAccessWriter running = new LastAccessWriter(connectionPool, 60_000);
        running.start();
        Instant now = Instant.now();
        running.touch(id, now);
        running.stop();
        assertThat(running.isRunning()).isFalse();
        assertThat(lastAccess(id)).isEqualTo(now.toEpochMilli());
    }

    @Test
    void touchesFindTheirSessionsByTheSessionIdIndex() {
        String plan = new TransactionTemplate(new DataSourceTransactionManager(connectionPool)).execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return String.join("\n", jdbc.queryForList("explain " + LastAccessWriter.UPDATE, String.class,
                    new String[] {"a", "b"}, new Long[] {1L, 2L}));
        });
        assertThat(plan).contains("spring_session_ix1").doesNotContain("Seq Scan on spring_session");
    }

    @Test
    void theApplicationWrapsSpringSessionsFilter(@Autowired ApplicationContext context) {
        Map<String, AbstractFilterRegistrationBean> registrations =
                context.getBeansOfType(AbstractFilterRegistrationBean.class);
        int memo = registrations.values().stream().filter(r -> r instanceof FilterRegistrationBean<?> f
                        && f.getFilter() instanceof RequestSessions)
                .findFirst().orElseThrow().getOrder();
        int springSession = registrations.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains("sessionrepositoryfilter"))
                .findFirst().orElseThrow(() -> new AssertionError("no registration of Spring Session's filter among "
                        + registrations.keySet()))
                .getValue().getOrder();
        assertThat(memo).isLessThan(springSession);
    }

    private String newSessionIdleFor(Duration idle) {
        Session session = sessions.createSession();
        session.setAttribute("colour", "blue");
        sessions.save(session);
        long at = System.currentTimeMillis() - idle.toMillis();
        jdbc.update("update spring_session set last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000"
                + " where session_id = ?", at, at, session.getId());
        return session.getId();
    }

    private long lastAccess(String id) {
        return jdbc.queryForObject("select last_access_time from spring_session where session_id = ?", Long.class, id);
    }

    private long expiry(String id) {
        return jdbc.queryForObject("select expiry_time from spring_session where session_id = ?", Long.class, id);
    }
}
