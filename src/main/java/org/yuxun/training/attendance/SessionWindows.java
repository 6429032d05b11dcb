package org.yuxun.training.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.NotFound;

/**
 * The time windows of sessions for the check-in hot path, kept a few seconds so a whole class scanning at once
 * does not read the same session row a thousand times. The lookup runs without scope because it yields only
 * times: whether the caller may check in is decided by their own enrolment, read in their scope.
 * <p>
 * A session that is not kept (its first check-ins, or its entry has expired) is read once, however many check-ins
 * ask for it meanwhile: the others wait for that one read. Without it every check-in arriving during the read
 * read the session too, and at a thousand check-ins a second on two cores those reads slowed each other down into
 * a backlog that took up to a second and a half to drain (docs/benchmarks.md, check-in, item 26).
 */
@Component
class SessionWindows {

    private static final Duration KEEP = Duration.ofSeconds(20);
    private static final int MAX_ENTRIES = 10_000;

    /** What the learner's confirmation page shows of the session. */
    record Heading(String className, String topic) {
    }

    private record Cached(SessionWindow window, Heading heading, Instant until) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Optional<Cached>>> reading = new ConcurrentHashMap<>();

    SessionWindows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<SessionWindow> find(long sessionId) {
        return lookup(sessionId).map(Cached::window);
    }

    /**
     * The class name and topic of the session, for the learner's confirmation once their check-in is recorded:
     * the recorded check-in proves they are enrolled, so the heading tells them nothing they may not read.
     */
    Heading heading(long sessionId) {
        return lookup(sessionId).map(Cached::heading).orElseThrow(() -> new NotFound("class_session", sessionId));
    }

    /**
     * The kept window, or the one read now. A caller must not hold a pooled connection while it asks (none does:
     * {@link CheckIns} asks outside any transaction): callers waiting for the one read while holding every
     * connection would leave that read none.
     */
    private Optional<Cached> lookup(long sessionId) {
        Optional<Cached> kept = kept(sessionId);
        if (kept.isPresent()) {
            return kept;
        }
        CompletableFuture<Optional<Cached>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Cached>> running = reading.putIfAbsent(sessionId, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw e;
            }
        }
        try {
            // another read may have finished between the first look and taking the turn
            Optional<Cached> found = kept(sessionId);
            if (found.isEmpty()) {
                found = read(sessionId);
                if (cache.size() > MAX_ENTRIES) {
                    cache.clear();
                }
                found.ifPresent(c -> cache.put(sessionId, c));
            }
            mine.complete(found);
            return found;
        } catch (Throwable e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            reading.remove(sessionId, mine);
        }
    }

    private Optional<Cached> kept(long sessionId) {
        Cached cached = cache.get(sessionId);
        return cached != null && cached.until().isAfter(clock.instant()) ? Optional.of(cached) : Optional.empty();
    }

    /** Reads the session's window and heading, kept until {@link #KEEP} from now. */
    private Optional<Cached> read(long sessionId) {
        Instant now = clock.instant();
        return DataScope.asSystem(() -> jdbc.sql("""
                        select s.id, s.class_id, s.institution_id, s.kind, s.starts_at, s.ends_at, s.hours,
                               c.name as class_name, s.topic
                        from class_session s join training_class c on c.id = s.class_id
                        where s.id = ?""")
                .param(sessionId)
                .query((rs, row) -> new Cached(new SessionWindow(rs.getLong("id"), rs.getLong("class_id"),
                        rs.getLong("institution_id"), rs.getString("kind"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                        rs.getBigDecimal("hours")),
                        new Heading(rs.getString("class_name"), rs.getString("topic")), now.plus(KEEP)))
                .optional());
    }
}
