package org.yuxun.shared.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the last-access times of sessions whose requests changed nothing else, every interval (a quarter of a
 * second in the application), all in one {@code UPDATE}: the expiry a session gets in the database is its last
 * request plus its timeout, as Spring Session writes it, at most an interval late. A touch never moves a session's
 * last access backwards, and the touches still pending are written when the application stops.
 */
public final class LastAccessWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LastAccessWriter.class);

    /**
     * The ids are {@code bpchar}, the type of {@code session_id}: compared as {@code text}, the column would be cast
     * and its index left unused, so that every flush read the whole session table.
     */
    static final String UPDATE = """
            update spring_session s
               set last_access_time = t.at,
                   expiry_time = t.at + s.max_inactive_interval * 1000::bigint
              from unnest(?::bpchar[], ?::bigint[]) as t(id, at)
             where s.session_id = t.id and s.last_access_time < t.at""";

    private final JdbcTemplate jdbc;
    private final long intervalMillis;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService timer;

    LastAccessWriter(DataSource pool, long intervalMillis) {
        this.jdbc = new JdbcTemplate(pool);
        this.intervalMillis = intervalMillis;
    }

    void touch(String sessionId, Instant at) {
        pending.merge(sessionId, at.toEpochMilli(), Math::max);
    }

    void forget(String sessionId) {
        pending.remove(sessionId);
    }

    /** Writes what is pending now (a timer does it every interval); returns how many sessions it touched. */
    public int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (String id : List.copyOf(pending.keySet())) {
            Long at = pending.remove(id);
            if (at != null) {
                ids.add(id);
                times.add(at);
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        try {
            return jdbc.update(UPDATE, ids.toArray(String[]::new), times.toArray(Long[]::new));
        } catch (RuntimeException e) {
            // put them back, unless a newer touch arrived meanwhile; the next round tries again
            for (int i = 0; i < ids.size(); i++) {
                pending.merge(ids.get(i), times.get(i), Math::max);
            }
            log.warn("Could not write the last-access times of {} sessions; retrying: {}", ids.size(), e.toString());
            return 0;
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "session-last-access");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::flush, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        timer = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = timer;
        timer = null;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    @Override
    public int getPhase() {
        // stops after the web server (which stops first, at a higher phase) and before the pool closes
        return 0;
    }
}
