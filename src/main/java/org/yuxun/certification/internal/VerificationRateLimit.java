package org.yuxun.certification.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Per client address, at most {@code verifyRequestsPerWindow} verifications per window (a fixed window): enough for
 * anyone checking certificates by hand, too few to walk through numbers and names. Counted in memory on each node;
 * behind a load balancer each node limits alone, which multiplies the allowance by the number of nodes but keeps
 * the page free of a shared write per request.
 */
@Component
public class VerificationRateLimit {

    private final int limit;
    private final long windowMillis;
    private volatile long windowStart = System.currentTimeMillis();
    private volatile ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    VerificationRateLimit(CertificationSettings settings) {
        this.limit = settings.verifyRequestsPerWindow();
        this.windowMillis = settings.verifyWindow().toMillis();
    }

    /** Counts a request from the address; false when the address has used up its window. */
    public boolean allow(String address) {
        long now = System.currentTimeMillis();
        if (now - windowStart >= windowMillis) {
            synchronized (this) {
                if (now - windowStart >= windowMillis) {
                    counts = new ConcurrentHashMap<>();
                    windowStart = now;
                }
            }
        }
        return counts.computeIfAbsent(address == null ? "" : address, a -> new AtomicInteger())
                .incrementAndGet() <= limit;
    }
}
