package org.yuxun.people;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.IdentityNumber;

/**
 * Test data for the people module: identity numbers and names no other test of the run uses, since all tests
 * share one database, and a way to call the registry as a signed-in user.
 */
public final class TestPersons {

    private static final List<String> REGIONS = List.of("330102", "330105", "330106", "330108", "330203", "330212",
            "330302", "330402", "330502", "330602");
    private static final String GIVEN = "晓明华强伟芳娜静磊洋勇军杰涛超敏燕霞平刚桂英秀兰玉珍丹萍红梅莉鹏辉斌宇浩凯健俊帆琳雪慧佳欣悦怡婷颖晨阳旭然博文彬峰宁";
    private static final AtomicInteger NAMES = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private TestPersons() {
    }

    /** A valid resident identity number nobody else in this run has been given. */
    public static String identityNumber() {
        while (true) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            LocalDate birth = LocalDate.of(1965, 1, 1).plusDays(random.nextInt(40 * 365));
            String first17 = region + birth.format(YYYYMMDD) + String.format("%03d", random.nextInt(1000));
            String number = first17 + IdentityNumber.checkCharacter(first17);
            if (ISSUED.add(number)) {
                return number;
            }
        }
    }

    /** A valid number whose 17th digit makes the holder a woman. */
    public static String femaleIdentityNumber() {
        while (true) {
            String number = identityNumber();
            if ((number.charAt(16) - '0') % 2 == 0) {
                return number;
            }
        }
    }

    /** A five-character name (two-character surname 欧阳) that no demo person and no other test has. */
    public static String name() {
        int n = NAMES.getAndIncrement();
        int size = GIVEN.length();
        return "欧阳" + GIVEN.charAt(n % size) + GIVEN.charAt((n / size) % size)
                + GIVEN.charAt((n / size / size) % size);
    }

    /** A mobile number unlikely to be anyone else's in the run. */
    public static String mobile() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Runs work as the signed-in user: the data scope and the audit trail see them as the caller. */
    public static <T> T as(CurrentUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
