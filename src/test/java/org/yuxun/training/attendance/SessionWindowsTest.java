package org.yuxun.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.yuxun.IntegrationTest;
import org.yuxun.shared.database.ScopedDataSource;

/** The kept session windows: read once however many check-ins ask at the same moment, and kept for a while. */
@IntegrationTest
class SessionWindowsTest {

    private static final int CALLERS = 24;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScopedDataSource dataSource;

    long session;
    OnlineStudyTest.MovableClock clock;
    CountingDataSource counting;
    SessionWindows windows;

    @BeforeEach
    void aSession() {
        AttendanceFixture fixture = new AttendanceFixture(jdbc).createClass();
        session = fixture.session("THEORY", Duration.ofMinutes(-10), Duration.ofHours(2));
        clock = new OnlineStudyTest.MovableClock(Instant.now());
        counting = new CountingDataSource(dataSource);
        windows = new SessionWindows(JdbcClient.create(counting), clock);
    }

    @Test
    void checkInsAskingAtOnceReadTheSessionOnce() throws Exception {
        List<SessionWindow> seen = together(w -> w.find(session).orElseThrow());

        assertThat(seen).hasSize(CALLERS).allSatisfy(window -> assertThat(window.id()).isEqualTo(session));
        assertThat(counting.connections.get()).isEqualTo(1);
        assertThat(windows.heading(session).className()).endsWith("班");
        assertThat(counting.connections.get()).isEqualTo(1);
    }

    @Test
    void anExpiredWindowIsReadOnceAgain() throws Exception {
        windows.find(session).orElseThrow();
        clock.set(clock.instant().plusSeconds(19));
        windows.find(session).orElseThrow();
        assertThat(counting.connections.get()).isEqualTo(1);

        clock.set(clock.instant().plusSeconds(2));
        together(w -> w.find(session).orElseThrow());
        assertThat(counting.connections.get()).isEqualTo(2);
    }

    @Test
    void aSessionThatIsNotThereIsAskedForAgainNextTime() {
        assertThat(windows.find(-1L)).isEmpty();
        assertThat(windows.find(-1L)).isEmpty();
        assertThat(counting.connections.get()).isEqualTo(2);
    }

    @Test
    void everyoneWaitingOnAFailedReadGetsItsErrorAndTheNextCallReadsAgain() throws Exception {
        counting.failing.set(true);
        List<Object> outcomes = together(w -> {
            try {
                return w.find(session);
            } catch (RuntimeException e) {
                return e;
            }
        });
        assertThat(outcomes).hasSize(CALLERS)
                .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(CannotGetJdbcConnectionException.class));
        assertThat(counting.connections.get()).isEqualTo(1);

        counting.failing.set(false);
        assertThat(windows.find(session)).isPresent();
        assertThat(counting.connections.get()).isEqualTo(2);
    }

    /** {@code CALLERS} virtual threads asking at the same moment, while the first read is held up. */
    private <T> List<T> together(Function<SessionWindows, T> ask) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CALLERS; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return ask.apply(windows);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    /** Counts the connections asked for, each after a pause long enough for every caller to arrive meanwhile. */
    static final class CountingDataSource extends DelegatingDataSource {

        final AtomicInteger connections = new AtomicInteger();
        final AtomicBoolean failing = new AtomicBoolean();

        CountingDataSource(ScopedDataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failing.get()) {
                throw new SQLException("the database is not reachable");
            }
            return super.getConnection();
        }
    }
}
