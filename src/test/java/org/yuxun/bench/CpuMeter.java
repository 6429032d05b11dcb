package org.yuxun.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (application and load generator) and by the embedded PostgreSQL server (postmaster
 * and every backend). On a shared machine the rate a benchmark reaches depends on what else runs; the CPU time it
 * needs per operation does not, so the suite reports both.
 */
public final class CpuMeter {

    /** Linux reports process times in clock ticks of 1/100 s. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long postmaster;

    /** @param dataDir the application's data directory ({@code yuxun.data-dir}), which holds the server's */
    public CpuMeter(Path dataDir) {
        long pid = -1;
        try {
            pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).getFirst()
                    .trim());
        } catch (IOException | RuntimeException e) {
            pid = -1;
        }
        this.postmaster = pid;
    }

    /** CPU nanoseconds used so far: {this JVM, the database server}. */
    public long[] sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new long[] {jvm, postmaster < 0 ? 0 : database()};
    }

    private long database() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name);
                    long parent = Long.parseLong(fields[1]);
                    if (pid == postmaster || parent == postmaster) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while being read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * NANOS_PER_TICK;
    }
}
