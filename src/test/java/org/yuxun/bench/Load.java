package org.yuxun.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load driver of the benchmark suite: runs a number of operations with a fixed number in flight, on virtual
 * threads, and measures the wall-clock rate and the latency of each one. Benchmarks of every quality target
 * (DESIGN.md) use it, so their figures are measured the same way.
 */
public final class Load {

    /** One operation; {@code true} if it did what was asked (an operation that throws counts as failed). */
    @FunctionalInterface
    public interface Operation {
        boolean run(int index) throws Exception;
    }

    /**
     * @param count operations run
     * @param succeeded operations that did what was asked
     * @param concurrency operations in flight at once
     * @param elapsed wall-clock time from the first start to the last finish
     * @param p50 median latency
     * @param p99 99th-percentile latency
     * @param max slowest operation
     * @param firstFailure what went wrong first, if anything did
     * @param jvmCpu CPU time of this JVM (application and load generator) during the run
     * @param databaseCpu CPU time of the database server during the run
     */
    public record Result(int count, int succeeded, int concurrency, Duration elapsed, Duration p50, Duration p99,
                         Duration max, String firstFailure, Duration jvmCpu, Duration databaseCpu) {

        public double perSecond() {
            return count / Math.max(elapsed.toNanos() / 1e9, 1e-9);
        }

        /** CPU time per operation, application, load generator and database together. */
        public double cpuMicrosPerOperation() {
            return (jvmCpu.toNanos() + databaseCpu.toNanos()) / 1e3 / Math.max(count, 1);
        }

        /** The rate two cores would reach if this run had had them to itself: 2 CPU-seconds per second. */
        public double perSecondOnTwoIdleCores() {
            return 2e6 / Math.max(cpuMicrosPerOperation(), 1e-9);
        }

        /**
         * A Markdown table row: what, count (succeeded), per second, p50, p99, CPU per operation (JVM + database),
         * and the rate that CPU allows on two idle cores.
         */
        public String row(String what) {
            return "| %s | %,d (%,d ok) | %,.0f | %.1f ms | %.1f ms | %,.0f µs (%,.0f + %,.0f) | %,.0f |".formatted(
                    what, count, succeeded, perSecond(), p50.toNanos() / 1e6, p99.toNanos() / 1e6,
                    cpuMicrosPerOperation(), jvmCpu.toNanos() / 1e3 / Math.max(count, 1),
                    databaseCpu.toNanos() / 1e3 / Math.max(count, 1), perSecondOnTwoIdleCores());
        }
    }

    /** Where CPU time is read from; without one, CPU time is not measured. */
    private static volatile CpuMeter meter;

    public static void measureCpuWith(CpuMeter cpu) {
        meter = cpu;
    }

    private Load() {
    }

    public static Result run(int count, int concurrency, Operation operation) throws InterruptedException {
        long[] latencies = new long[count];
        AtomicInteger succeeded = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        Semaphore permits = new Semaphore(concurrency);
        CpuMeter cpu = meter;
        long[] cpuBefore = cpu == null ? new long[2] : cpu.sample();
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                permits.acquire();
                executor.execute(() -> {
                    long t0 = System.nanoTime();
                    try {
                        if (operation.run(index)) {
                            succeeded.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e.toString());
                    } finally {
                        latencies[index] = System.nanoTime() - t0;
                        permits.release();
                    }
                });
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long[] cpuAfter = cpu == null ? new long[2] : cpu.sample();
        Arrays.sort(latencies);
        return new Result(count, succeeded.get(), concurrency, elapsed, Duration.ofNanos(percentile(latencies, 0.50)),
                Duration.ofNanos(percentile(latencies, 0.99)),
                Duration.ofNanos(count == 0 ? 0 : latencies[count - 1]), failure.get(),
                Duration.ofNanos(cpuAfter[0] - cpuBefore[0]), Duration.ofNanos(cpuAfter[1] - cpuBefore[1]));
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p * sorted.length) - 1))];
    }
}
