package org.yuxun.training.attendance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;
import org.yuxun.shared.DataScope;

/**
 * Drives the check-in path for the benchmark suite (DESIGN.md, "Quality targets": ≥ 1,000 check-ins/s, p99 <
 * 100 ms): every learner checks in once to the session, each in their own data scope, through the same service
 * the phone page calls, with a fresh code every few seconds as the teacher's screen would show.
 */
@Component
public class CheckInBenchmark {

    /**
     * @param attempts check-ins tried
     * @param recorded check-ins recorded (the rest were refused, e.g. already checked in)
     * @param elapsed wall-clock time of the whole run
     * @param p50 median latency of one check-in
     * @param p99 99th-percentile latency of one check-in
     */
    public record Result(int attempts, int recorded, Duration elapsed, Duration p50, Duration p99) {

        public double perSecond() {
            return attempts / Math.max(elapsed.toNanos() / 1e9, 1e-9);
        }
    }

    private static final Duration REFRESH = Duration.ofSeconds(10);

    private final CheckIns checkIns;
    private final AttendanceTokens tokens;

    CheckInBenchmark(CheckIns checkIns, AttendanceTokens tokens) {
        this.checkIns = checkIns;
        this.tokens = tokens;
    }

    /**
     * @param sessionId a session open for check-in now
     * @param learners the data scopes of enrolled learners (each with its person)
     * @param concurrency how many check-ins are in flight at once
     */
    public Result run(long sessionId, List<DataScope> learners, int concurrency) throws Exception {
        AtomicReference<String> code = new AtomicReference<>(tokens.issue(sessionId, Direction.IN));
        AtomicReference<Long> issuedAt = new AtomicReference<>(System.nanoTime());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(learners.size()));
        AtomicInteger recorded = new AtomicInteger();
        Semaphore permits = new Semaphore(Math.max(1, concurrency));
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>(learners.size());
            for (int i = 0; i < learners.size(); i++) {
                DataScope learner = learners.get(i);
                Device device = new Device(CheckInController.fingerprint("bench-" + i, "bench"), "10.99.0." + (i % 250),
                        "bench");
                permits.acquire();
                futures.add(executor.submit(() -> {
                    try {
                        if (System.nanoTime() - issuedAt.get() > REFRESH.toNanos()) {
                            code.set(tokens.issue(sessionId, Direction.IN));
                            issuedAt.set(System.nanoTime());
                        }
                        long t0 = System.nanoTime();
                        try {
                            DataScope.as(learner, () -> checkIns.checkIn(code.get(), sessionId, learner.personId(),
                                    device));
                            recorded.incrementAndGet();
                        } catch (CheckInRefused refused) {
                            // counted as an attempt; the benchmark reports how many were recorded
                        }
                        latencies.add(System.nanoTime() - t0);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(learners.size(), recorded.get(), elapsed, percentile(sorted, 0.50),
                percentile(sorted, 0.99));
    }

    private static Duration percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)));
    }
}
