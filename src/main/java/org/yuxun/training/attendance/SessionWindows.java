package org.yuxun.training.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.shared.DataScope;

/**
 * The time windows of sessions for the check-in hot path, kept a few seconds so a whole class scanning at once
 * does not read the same session row a thousand times. The lookup runs without scope because it yields only
 * times: whether the caller may check in is decided by their own enrolment, read in their scope.
 */
@Component
class SessionWindows {

    private static final Duration KEEP = Duration.ofSeconds(20);
    private static final int MAX_ENTRIES = 10_000;

    private record Cached(SessionWindow window, Instant until) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    SessionWindows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<SessionWindow> find(long sessionId) {
        Instant now = clock.instant();
        Cached cached = cache.get(sessionId);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.window());
        }
        Optional<SessionWindow> window = DataScope.asSystem(() -> jdbc.sql("""
                        select id, class_id, institution_id, kind, starts_at, ends_at, hours
                        from class_session where id = ?""")
                .param(sessionId).query(SessionWindow.class).optional());
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
        window.ifPresent(w -> cache.put(sessionId, new Cached(w, now.plus(KEEP))));
        return window;
    }
}
