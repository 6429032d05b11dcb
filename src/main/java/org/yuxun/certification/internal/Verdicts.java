package org.yuxun.certification.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yuxun.certification.CertificateManagement;
import org.yuxun.certification.internal.Verification.Answer;
import org.yuxun.shared.DataScope;

/**
 * The verdicts of public verification, kept in memory on each node (docs/adr/0007-verification-verdicts-in-memory.md):
 * what the page says about a certificate, with the check of its signed credential, by public id and language.
 * A certificate's verdict changes in only three ways, and each is covered:
 * <ul>
 *     <li>revocation on this node: {@link #evict} at once and again when the revoking transaction commits;</li>
 *     <li>revocation on another node: every {@code revocation-poll} this node asks which certificates were revoked
 *     since its last question (with an overlap, because a revocation is stamped with its transaction's start) and
 *     evicts them. While that question keeps failing the cache is bypassed, so the bound holds;</li>
 *     <li>the date: expiry and the credential's validity change at midnight in China, when every verdict ends.</li>
 * </ul>
 * Unknown ids are never stored, so guessing ids cannot fill the memory. At most {@code verdict-cache-size}
 * certificates are kept; beyond that the oldest are dropped.
 */
@Component
public class Verdicts implements SmartLifecycle {

    /** How far back each poll looks before its previous one: longer than any revoking transaction. */
    static final Duration OVERLAP = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(Verdicts.class);

    /** One certificate's answers, one per language (the credential check's sentence is in the caller's). */
    private record Verdict(long expiresAt, long storedAt, ConcurrentHashMap<Locale, Answer> answers) {
    }

    private final ConcurrentHashMap<UUID, Verdict> verdicts = new ConcurrentHashMap<>();
    /** Counts evictions: an answer loaded while one happened may be older than the eviction and is not kept. */
    private final AtomicLong evictions = new AtomicLong();
    private final AtomicLong stores = new AtomicLong();
    private final JdbcClient jdbc;
    private final int capacity;
    private final Duration poll;
    private final long staleAfterNanos;
    /** Revocations already evicted, with their time; forgotten once older than the overlap. */
    private final Map<UUID, Instant> handled = new HashMap<>();
    private final Object trimming = new Object();
    private Instant polledAt;
    private volatile long lastPollNanos;
    private volatile boolean polledOnce;
    private ScheduledExecutorService poller;
    private volatile boolean running;

    Verdicts(JdbcClient jdbc, CertificationSettings settings) {
        this.jdbc = jdbc;
        this.capacity = settings.verdictCacheSize();
        this.poll = settings.revocationPoll();
        this.staleAfterNanos = Math.max(poll.multipliedBy(5).toNanos(), Duration.ofSeconds(10).toNanos());
    }

    /**
     * The stored answer for the certificate in the language, or the loader's, stored when the certificate exists.
     * The loader runs outside any lock; two requests for the same certificate at once may both load it.
     */
    Answer answer(UUID publicId, Locale locale, Function<UUID, Answer> loader) {
        if (!fresh()) {
            return loader.apply(publicId);
        }
        long now = System.currentTimeMillis();
        Verdict verdict = verdicts.get(publicId);
        if (verdict != null && now < verdict.expiresAt()) {
            Answer stored = verdict.answers().get(locale);
            if (stored != null) {
                return stored;
            }
        }
        long generation = evictions.get();
        Answer loaded = loader.apply(publicId);
        if (loaded.certificate() == null || capacity == 0) {
            return loaded;
        }
        Verdict kept = verdicts.compute(publicId, (id, old) -> old != null && now < old.expiresAt() ? old
                : new Verdict(nextMidnight(), stores.incrementAndGet(), new ConcurrentHashMap<>()));
        kept.answers().put(locale, loaded);
        if (evictions.get() != generation) {
            verdicts.remove(publicId, kept);
        }
        if (verdicts.size() > capacity) {
            trim();
        }
        return loaded;
    }

    /**
     * Forgets the certificate's verdict now and, inside a transaction, again after it commits: a request that read
     * the certificate before the commit must not leave the old verdict behind.
     */
    public void evict(UUID publicId) {
        forget(publicId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget(publicId);
                }
            });
        }
    }

    /** How many certificates have a verdict in memory. */
    int size() {
        return verdicts.size();
    }

    /**
     * Asks which certificates were revoked since the last poll (less the overlap) and forgets their verdicts.
     * Called by the poller every {@code revocation-poll}; public for tests that play another node.
     */
    public synchronized void pollRevocations() {
        Instant now = DataScope.asSystem(() -> jdbc.sql("select now()").query(Timestamp.class).single())
                .toInstant();
        Instant from = (polledAt == null ? now : polledAt).minus(OVERLAP);
        record Revoked(UUID publicId, Instant at) {
        }
        List<Revoked> revoked = DataScope.asSystem(() -> jdbc.sql("""
                        select public_id, revoked_at from certificate where revoked_at > ?""")
                .param(Timestamp.from(from))
                .query((rs, n) -> new Revoked(rs.getObject("public_id", UUID.class),
                        rs.getTimestamp("revoked_at").toInstant()))
                .list());
        for (Revoked r : revoked) {
            if (!r.at().equals(handled.put(r.publicId(), r.at()))) {
                forget(r.publicId());
            }
        }
        handled.values().removeIf(at -> at.isBefore(from));
        polledAt = now;
        lastPollNanos = System.nanoTime();
        polledOnce = true;
    }

    private void forget(UUID publicId) {
        evictions.incrementAndGet();
        verdicts.remove(publicId);
    }

    /** Whether the last poll is recent enough for stored verdicts to be trusted. */
    private boolean fresh() {
        return polledOnce && System.nanoTime() - lastPollNanos < staleAfterNanos;
    }

    /** Drops the oldest tenth once the cache is over its size. */
    private void trim() {
        synchronized (trimming) {
            trimOldest();
        }
    }

    private void trimOldest() {
        int excess = verdicts.size() - capacity * 9 / 10;
        if (excess <= 0) {
            return;
        }
        long[] ages = verdicts.values().stream().mapToLong(Verdict::storedAt).sorted().toArray();
        long cut = ages[Math.min(excess, ages.length) - 1];
        for (Iterator<Verdict> it = verdicts.values().iterator(); it.hasNext(); ) {
            if (it.next().storedAt() <= cut) {
                it.remove();
            }
        }
    }

    private static long nextMidnight() {
        return LocalDate.now(CertificateManagement.ZONE).plusDays(1).atStartOfDay(CertificateManagement.ZONE)
                .toInstant().toEpochMilli();
    }

    private void pollQuietly() {
        try {
            pollRevocations();
        } catch (RuntimeException e) {
            log.warn("Asking for recent revocations failed; verification reads the database until it works", e);
        }
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("revocation-poll").daemon()
                .factory());
        poller.scheduleWithFixedDelay(this::pollQuietly, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
