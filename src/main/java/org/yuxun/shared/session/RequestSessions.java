package org.yuxun.shared.session;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sessions one request has read or saved, so that it reads each from the database once.
 * <p>
 * Spring Session's request wrapper forgets the session it read when it saves it (when the response is committed,
 * and again when the request ends) and then asks the repository for it again to tell whether the requested session
 * id is still valid: two or three {@code SELECT}s of the same session per request where one does. While this filter
 * runs — it wraps Spring Session's filter — {@link DeferredTouchSessionRepository} answers those questions with
 * the session object this request already holds. Nothing outlives the request: the map is the request thread's and
 * is dropped when the request ends, so a session deleted or changed by another request is read afresh by the next.
 */
final class RequestSessions extends OncePerRequestFilter {

    private static final ThreadLocal<Map<String, DeferredTouchSessionRepository.StoredSession>> CURRENT =
            new ThreadLocal<>();

    /** The session of this id this request holds, if any. */
    static DeferredTouchSessionRepository.StoredSession held(String id) {
        Map<String, DeferredTouchSessionRepository.StoredSession> held = CURRENT.get();
        return held == null ? null : held.get(id);
    }

    /** Keeps the session for the rest of the request (outside a request: nothing). */
    static void hold(DeferredTouchSessionRepository.StoredSession session) {
        Map<String, DeferredTouchSessionRepository.StoredSession> held = CURRENT.get();
        if (held != null) {
            held.put(session.getId(), session);
        }
    }

    static void forget(String id) {
        Map<String, DeferredTouchSessionRepository.StoredSession> held = CURRENT.get();
        if (held != null) {
            held.remove(id);
        }
    }

    /** Runs {@code work} as one request does: what it holds is gone afterwards. */
    static void during(ThrowingRunnable work) throws IOException, ServletException {
        CURRENT.set(new HashMap<>(4));
        try {
            work.run();
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        during(() -> chain.doFilter(request, response));
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws IOException, ServletException;
    }
}
