package org.yuxun.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A load from {@code wrk} (a load generator written in C, Debian package {@code wrk}) in a second process on the
 * same machine: it costs far less CPU per request than a JVM client, so more of the two cores go to the
 * application and the database. Each request is one line of a file — path, cookies, user agent — sent once, in
 * order, by the script {@code bench/requests.lua}; a request counts as succeeded when its body holds the given
 * text. The run lasts a fixed time, as wrk's runs do.
 */
final class Wrk {

    /** What wrk measured, with the CPU time of wrk, this JVM and the database during the run. */
    record Result(long requests, Duration elapsed, long succeeded, long refused, long errors, Duration p50,
                  Duration p99, Duration max, Duration wrkCpu, Duration jvmCpu, Duration databaseCpu) {

        double perSecond() {
            return requests / Math.max(elapsed.toNanos() / 1e9, 1e-9);
        }

        double cpuMicrosPerRequest() {
            return (wrkCpu.toNanos() + jvmCpu.toNanos() + databaseCpu.toNanos()) / 1e3 / Math.max(requests, 1);
        }

        /** A Markdown row in the shape of {@link Load.Result#row}, with wrk's own CPU added to the JVM's. */
        String row(String what) {
            return "| %s | %,d (%,d ok) | %,.0f | %.1f ms | %.1f ms | %,.0f µs (%,.0f + %,.0f + wrk %,.0f) | %,.0f |"
                    .formatted(what, requests, succeeded, perSecond(), p50.toNanos() / 1e6, p99.toNanos() / 1e6,
                            cpuMicrosPerRequest(), jvmCpu.toNanos() / 1e3 / Math.max(requests, 1),
                            databaseCpu.toNanos() / 1e3 / Math.max(requests, 1),
                            wrkCpu.toNanos() / 1e3 / Math.max(requests, 1), 2e6 / Math.max(cpuMicrosPerRequest(), 1e-9));
        }
    }

    private Wrk() {
    }

    /**
     * CPU time of this JVM's ended and reaped child processes (Linux {@code cutime + cstime}, in ticks of 1/100 s):
     * once wrk has exited its time is counted here, which {@code ProcessHandle.Info} no longer reports.
     */
    private static long childrenCpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
    }

    /** The wrk executable: {@code -Dbench.wrk=<path>}, else {@code /usr/bin/wrk} if installed. */
    static Optional<Path> executable() {
        Path wrk = Path.of(System.getProperty("bench.wrk", "/usr/bin/wrk"));
        return Files.isExecutable(wrk) ? Optional.of(wrk) : Optional.empty();
    }

    /**
     * Sends the requests from {@code connections} connections on two threads for {@code duration}.
     *
     * @param lines one request per line: {@code <path>\t<cookies>\t<user agent>}, cookies possibly empty
     * @param success text in the body of a successful response
     */
    static Result run(Path wrk, int port, List<String> lines, int connections, Duration duration, String success,
                      CpuMeter cpu)
            throws IOException, InterruptedException {
        return run(wrk, port, lines, connections, duration, success, 0, cpu);
    }

    /**
     * Sends the requests from {@code connections} connections on two threads for {@code duration}, at
     * {@code perSecond} requests per second on a fixed timetable (see {@code bench/requests.lua}) or, if it is 0,
     * as fast as the connections go.
     */
    static Result run(Path wrk, int port, List<String> lines, int connections, Duration duration, String success,
                      int perSecond, CpuMeter cpu)
            throws IOException, InterruptedException {
        Path folder = Files.createDirectories(Path.of("target", "benchmarks"));
        Path requests = folder.resolve("wrk-requests.tsv");
        Path script = folder.resolve("requests.lua");
        Files.write(requests, lines, StandardCharsets.UTF_8);
        try (InputStream in = Wrk.class.getResourceAsStream("/bench/requests.lua")) {
            Files.write(script, in.readAllBytes());
        }
        int threads = 2;
        long[] before = cpu.sample();
        long childrenBefore = childrenCpuNanos();
        ProcessBuilder command = new ProcessBuilder(wrk.toString(), "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--timeout", "10s", "-s", script.toString(),
                "http://127.0.0.1:" + port, "--", requests.toString(), String.valueOf(threads), success)
                .redirectErrorStream(true);
        if (perSecond > 0) {
            command.environment().put("YUXUN_WRK_RATE", String.valueOf(perSecond));
        }
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        long[] after = cpu.sample();
        Duration wrkCpu = Duration.ofNanos(childrenCpuNanos() - childrenBefore);
        Files.deleteIfExists(requests);
        Map<String, Long> figures = new TreeMap<>();
        for (String figure : output.lines().filter(l -> l.startsWith("YUXUN ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no figures: " + output))
                .substring(6).split(" ")) {
            String[] pair = figure.split("=");
            figures.put(pair[0], Long.parseLong(pair[1]));
        }
        return new Result(figures.get("requests"), Duration.ofNanos(figures.get("duration_us") * 1_000),
                figures.get("ok"), figures.get("refused"), figures.get("errors"),
                Duration.ofNanos(figures.get("p50_us") * 1_000), Duration.ofNanos(figures.get("p99_us") * 1_000),
                Duration.ofNanos(figures.get("max_us") * 1_000), wrkCpu, Duration.ofNanos(after[0] - before[0]),
                Duration.ofNanos(after[1] - before[1]));
    }
}
