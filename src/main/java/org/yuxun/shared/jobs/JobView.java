package org.yuxun.shared.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * A job as its owner sees it.
 *
 * @param result the handler's result as a map, or {@code null} until it has finished
 * @param error the reason shown when it failed
 */
public record JobView(long id, String kind, State state, long done, Long total, Map<String, Object> result,
                      String error, Instant createdAt, Instant finishedAt) {

    /** The life of a job: queued, claimed by a node, finished one way or the other. */
    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /** Whether the job is still to finish, so the page keeps polling. */
    public boolean active() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    /** Percent done, 0–100; 100 once succeeded. */
    public int percent() {
        if (state == State.SUCCEEDED) {
            return 100;
        }
        if (total == null || total <= 0) {
            return 0;
        }
        return (int) Math.min(100, done * 100 / total);
    }

    /** The link to what the job produced, if its handler gave one. */
    public String link() {
        return result == null || result.get("link") == null ? null : result.get("link").toString();
    }
}
