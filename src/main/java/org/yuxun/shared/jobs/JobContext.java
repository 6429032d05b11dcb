package org.yuxun.shared.jobs;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What a running job sees of itself: its id, its parameters and a way to report progress.
 *
 * @param id the job's id
 * @param parameters the parameters given at submission
 */
public record JobContext(long id, Map<String, Object> parameters, BiConsumer<Long, Long> progressSink) {

    /** Records how far the job has come; also serves as its heartbeat. {@code total} may be null when unknown. */
    public void progress(long done, Long total) {
        progressSink.accept(done, total);
    }

    public long number(String name) {
        Object value = parameters.get(name);
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("Job parameter " + name + " is missing");
    }

    public String text(String name) {
        Object value = parameters.get(name);
        return value == null ? null : value.toString();
    }
}
