package org.yuxun.certification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.yuxun.shared.DataScope;

/**
 * The log of public verifications (time, client address, result). The page answers before the entry is written:
 * entries are queued and written in batches every {@value #FLUSH_MILLIS} ms, so thousands of verifications a second
 * cost a few inserts, not thousands of commits. Entries still queued are written when the application stops; if
 * the queue is full (the database is far behind) an entry is dropped and a warning logged, rather than slowing the
 * page that anyone may call.
 */
@Component
public class VerificationLog implements SmartLifecycle {

    static final long FLUSH_MILLIS = 200;
    private static final int CAPACITY = 100_000;
    private static final Logger log = LoggerFactory.getLogger(VerificationLog.class);

    private record Entry(Instant at, Long certificateId, String method, String result, String ip) {
    }

    private final JdbcTemplate jdbc;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private ScheduledExecutorService writer;
    private volatile boolean running;

    VerificationLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(Long certificateId, String method, String result, String ip) {
        if (!queue.offer(new Entry(Instant.now(), certificateId, method, result, ip))) {
            log.warn("Verification log queue full: an entry was dropped");
        }
    }

    /** Writes every queued entry now. */
    public synchronized void flush() {
        List<Entry> batch = new ArrayList<>();
        while (queue.drainTo(batch, 5000) > 0) {
            List<Object[]> rows = batch.stream().map(e -> new Object[] {Timestamp.from(e.at()), e.certificateId(),
                e.method(), e.result(), e.ip()}).toList();
            DataScope.asSystem(() -> jdbc.batchUpdate("""
                    insert into certificate_verification (at, certificate_id, method, result, ip)
                    values (?, ?, ?, ?, ?)""", rows));
            batch.clear();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Writing the verification log failed", e);
        }
    }

    @Override
    public void start() {
        writer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("verification-log").daemon()
                .factory());
        writer.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
