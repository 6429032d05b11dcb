package org.yuxun.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
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
        Load.Operation page = i -> ok(client, base + "/verify/" + ids.get(next.getAndIncrement() % ids.size()));
        Load.Operation healthCheck = i -> ok(client, base + "/actuator/health");
        Load.run(WARM_UP, CONCURRENCY, page);
        Load.Result verify = Load.run(REQUESTS, CONCURRENCY, page);
        Load.run(WARM_UP, CONCURRENCY, healthCheck);
        Load.Result floor = Load.run(REQUESTS, CONCURRENCY, healthCheck);
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
                | `GET /verify/{publicId}` (rate limit, verdict and page kept in memory, queued log entry) | %d | %d | %.0f | %.1f ms | %.1f ms |
                | floor: `GET /actuator/health` | %d | %d | %.0f | %.1f ms | %.1f ms |

                Concurrency %d over HTTP/1.1 keep-alive from the same JVM; %d distinct certificates.

                The same from `wrk` in a second process (its client costs far less CPU than the JVM's):

                | what | requests | per second | p50 | p99 | CPU per request (JVM + DB + wrk) | per second on 2 idle cores |
                |---|---:|---:|---:|---:|---:|---:|
                %s
                """.formatted(verify.count(), verify.count() - verify.succeeded(), verify.perSecond(),
                verify.p50().toNanos() / 1e6, verify.p99().toNanos() / 1e6, floor.count(),
                floor.count() - floor.succeeded(), floor.perSecond(), floor.p50().toNanos() / 1e6,
                floor.p99().toNanos() / 1e6, CONCURRENCY, ids.size(), wrkRows);
        Path out = Path.of("target", "benchmarks", "verification.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Requests the address; a 200 answer counts as succeeded. */
    private static boolean ok(HttpClient client, String address) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
    }
}
