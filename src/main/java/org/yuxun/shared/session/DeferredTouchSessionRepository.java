package org.yuxun.shared.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store in front of Spring Session JDBC, so that a request which only reads its session costs one
 * query and no write (and reads it once: {@link RequestSessions}).
 * <p>
 * Spring Session marks a session changed on every request (the last-access time moves), and its JDBC repository
 * then writes the session row — an {@code UPDATE} that also moves the row in the expiry-time index — in a
 * transaction of its own, after a read in another transaction: four round trips and a write for a request that
 * changed nothing. Here the last-access time of a session whose attributes did not change is handed to
 * {@link LastAccessWriter}, which writes the touches of all sessions four times a second in one statement; the
 * read runs outside a transaction (it is one {@code SELECT}). Anything else — a new session, a changed attribute
 * (the security context at sign-in, a CSRF token), a new session id, a new timeout — is saved by the JDBC
 * repository as before, last-access time included.
 * <p>
 * A session's last access is moreover written at most once per {@code granularity} (a minute in the application):
 * a request within a minute of the stored last access writes nothing at all. Every touch is an update of
 * {@code spring_session} that moves the row in its expiry-time index (not a HOT update), and a user clicking
 * through pages would otherwise cause one per request; a 30-minute timeout needs no finer clock than a minute.
 * <p>
 * What that costs: a session's expiry in the database lags its last request by up to the granularity plus the
 * writer's interval (a minute and a quarter of a second), so a session may end that much before 30 minutes
 * without activity; a node that dies loses the touches of its last quarter of a second. Sessions stay in PostgreSQL
 * and nodes stay stateless.
 */
final class DeferredTouchSessionRepository implements FindByIndexNameSessionRepository<Session> {

    private final FindByIndexNameSessionRepository<Session> jdbc;
    private final SessionTransactions transactions;
    private final LastAccessWriter touches;
    private final Duration granularity;

    DeferredTouchSessionRepository(FindByIndexNameSessionRepository<Session> jdbc, SessionTransactions transactions,
                                   LastAccessWriter touches, Duration granularity) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.touches = touches;
        this.granularity = granularity;
    }

    @Override
    public Session createSession() {
        return new StoredSession(jdbc.createSession(), true);
    }

    @Override
    public void save(Session session) {
        StoredSession stored = (StoredSession) session;
        if (stored.onlyTouched()) {
            if (stored.touchDue(granularity)) {
                touches.touch(stored.getId(), stored.touchedAt);
            }
            return;
        }
        if (stored.unchanged()) {
            return; // saved already in this request (Spring Session saves when the response commits, and again at the end)
        }
        stored.applyTouch();
        jdbc.save(stored.delegate);
        stored.saved();
        RequestSessions.hold(stored);
    }

    /** One read per request: asked again within the request, the session it holds ({@link RequestSessions}). */
    @Override
    public Session findById(String id) {
        StoredSession held = RequestSessions.held(id);
        if (held != null && held.getId().equals(id)) {
            return held;
        }
        Session found = transactions.reading(() -> jdbc.findById(id));
        if (found == null) {
            return null;
        }
        StoredSession stored = new StoredSession(found, false);
        RequestSessions.hold(stored);
        return stored;
    }

    @Override
    public void deleteById(String id) {
        RequestSessions.forget(id);
        touches.forget(id);
        jdbc.deleteById(id);
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return jdbc.findByIndexNameAndIndexValue(indexName, indexValue);
    }

    /**
     * A session as one request sees it: everything goes to Spring Session's own session object, except the
     * last-access time, which is kept here until the request ends.
     */
    static final class StoredSession implements Session {

        private final Session delegate;
        private boolean isNew;
        private boolean changed;
        private Instant touchedAt;

        StoredSession(Session delegate, boolean isNew) {
            this.delegate = delegate;
            this.isNew = isNew;
        }

        boolean onlyTouched() {
            return !isNew && !changed && touchedAt != null;
        }

        /** Whether the last access moved at least {@code granularity} past the one stored. */
        boolean touchDue(Duration granularity) {
            return !touchedAt.isBefore(delegate.getLastAccessedTime().plus(granularity));
        }

        boolean unchanged() {
            return !isNew && !changed && touchedAt == null;
        }

        void applyTouch() {
            if (touchedAt != null) {
                delegate.setLastAccessedTime(touchedAt);
            }
        }

        void saved() {
            isNew = false;
            changed = false;
            touchedAt = null;
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        /** The old id names no session any more, in the database once saved and for this request at once. */
        @Override
        public String changeSessionId() {
            changed = true;
            RequestSessions.forget(delegate.getId());
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            if (delegate.getAttribute(attributeName) != null) {
                changed = true;
            }
            delegate.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (isNew) {
                delegate.setLastAccessedTime(lastAccessedTime);
            } else {
                touchedAt = lastAccessedTime;
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return touchedAt != null ? touchedAt : delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (!interval.equals(delegate.getMaxInactiveInterval())) {
                changed = true;
            }
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return !getMaxInactiveInterval().isNegative()
                    && !Instant.now().minus(getMaxInactiveInterval()).isBefore(getLastAccessedTime());
        }
    }
}
