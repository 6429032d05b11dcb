package org.yuxun.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.YuxunProperties;

/**
 * Benchmark of the public verification page over HTTP (DESIGN.md quality target: ≥ 3,000 requests/s, p99 < 50 ms).
 * Not part of {@code ./mvnw verify}: run it with
 * {@code ./mvnw test -Dtest=VerificationBenchmarkRun -Dsurefire.failIfNoSpecifiedTests=false}. It starts the
 * application on a random port with the per-address limit raised ({@code yuxun.certification.verify-requests-per-
 * window}, DESIGN.md "Benchmarks": all requests come from one address here) and requests the demo certificates'
 * {@code /verify/<public id>} pages, {@value #CONCURRENCY} at a time, {@value #REQUESTS} times after a warm-up; the
 * floor is the same load on {@code /actuator/health}, a trivial endpoint through the same server and security
 * filters. Results go to {@code target/benchmarks/verification.md}; no assertion is made on them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yuxun.certification.verify-requests-per-window=100000000")
class VerificationBenchmarkRun {

    static final int REQUESTS = Integer.getInteger("bench.requests", 30_000);
    static final int WARM_UP = Integer.getInteger("bench.warm-up", 5_000);
    static final int CONCURRENCY = 32;
    static final int WRK_SECONDS = Integer.getInteger("bench.wrk.seconds", 8);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    YuxunProperties properties;

    @Test
    void measuresVerificationAgainstATrivialEndpoint() throws Exception {
        List<UUID> ids = DataScope.asSystem(() -> jdbc.sql("select public_id from certificate limit 100")
                .query(UUID.class).list());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        AtomicInteger next = new AtomicInteger();
        String base = "http://localhost:" + port;
        load(client, WARM_UP, () -> base + "/verify/" + ids.get(next.getAndIncrement() % ids.size()));
        Stats verify = load(client, REQUESTS, () -> base + "/verify/" + ids.get(next.getAndIncrement() % ids.size()));
        load(client, WARM_UP, () -> base + "/actuator/health");
        Stats floor = load(client, REQUESTS, () -> base + "/actuator/health");
        String wrkRows = "| from `wrk` | not run: `wrk` is not installed (`apt-get install -y wrk`) | | | | | |";
        Optional<Path> wrk = Wrk.executable();
        if (wrk.isPresent()) {
            CpuMeter cpu = new CpuMeter(properties.dataDir());
            List<String> pages = new ArrayList<>(REQUESTS);
            List<String> health = new ArrayList<>(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) {
                pages.add("/verify/" + ids.get(i % ids.size()) + "\t\tbench-wrk");
                health.add("/actuator/health\t\tbench-wrk");
            }
            Wrk.Result pageLoad = Wrk.run(wrk.get(), port, pages, CONCURRENCY, Duration.ofSeconds(WRK_SECONDS),
                    "id=\"verify-result\"", cpu);
            Wrk.Result healthLoad = Wrk.run(wrk.get(), port, health, CONCURRENCY, Duration.ofSeconds(WRK_SECONDS),
                    "UP", cpu);
            wrkRows = pageLoad.row("`GET /verify/{publicId}` from `wrk` (second process), %d s".formatted(WRK_SECONDS))
                    + "\n" + healthLoad.row("floor: `GET /actuator/health` from `wrk`, %d s".formatted(WRK_SECONDS));
        }
        String report = """
                # Verification benchmark

                | what | requests | errors | per second | p50 | p99 |
                |---|---:|---:|---:|---:|---:|
                | `GET /verify/{publicId}` (rate limit, one indexed lookup, page, queued log entry) | %d | %d | %.0f | %.1f ms | %.1f ms |
                | floor: `GET /actuator/health` | %d | %d | %.0f | %.1f ms | %.1f ms |

                Concurrency %d over HTTP/1.1 keep-alive from the same JVM; %d distinct certificates.

                The same from `wrk` in a second process (its client costs far less CPU than the JVM's):

                | what | requests | per second | p50 | p99 | CPU per request (JVM + DB + wrk) | per second on 2 idle cores |
                |---|---:|---:|---:|---:|---:|---:|
                %s
                """.formatted(verify.count(), verify.errors(), verify.perSecond(), verify.p50(), verify.p99(),
                floor.count(), floor.errors(), floor.perSecond(), floor.p50(), floor.p99(), CONCURRENCY, ids.size(), wrkRows);
        Path out = Path.of("target", "benchmarks", "verification.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    record Stats(int count, int errors, double perSecond, double p50, double p99) {
    }

    private Stats load(HttpClient client, int count, java.util.function.Supplier<String> urls) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger errors = new AtomicInteger();
        Semaphore permits = new Semaphore(CONCURRENCY);
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                URI uri = URI.create(urls.get());
                permits.acquire();
                futures.add(executor.submit(() -> {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } finally {
                        latencies.add(System.nanoTime() - t0);
                        permits.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Stats(count, errors.get(), count / seconds, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1) / 1e6);
    }
}
