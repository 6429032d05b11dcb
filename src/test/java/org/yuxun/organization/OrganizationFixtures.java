package org.yuxun.organization;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.shared.CreditCode;
import org.yuxun.shared.DataScope;

/** Unique test data and the ids of the demo organisations, read without scope. */
final class OrganizationFixtures {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcClient jdbc;

    OrganizationFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A suffix no other test uses in this run. */
    static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    /** A valid GB 32100 code registered in the given county, random in positions 9–17. */
    static String creditCode(String region) {
        StringBuilder code = new StringBuilder("91").append(region);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (code.length() < 17) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.append(CreditCode.checkCharacter(code.toString())).toString();
    }

    /** The same code with a wrong check character. */
    static String withWrongCheckCharacter(String code) {
        char check = code.charAt(17);
        char wrong = ALPHABET.charAt((ALPHABET.indexOf(check) + 1) % ALPHABET.length());
        return code.substring(0, 17) + wrong;
    }

    long institution(String name) {
        return id("select id from institution where name = ?", name);
    }

    long enterprise(String name) {
        return id("select id from enterprise where name = ?", name);
    }

    long authority(String name) {
        return id("select id from authority where name = ?", name);
    }

    long venue(String name) {
        return id("select id from venue where name = ?", name);
    }

    String creditCodeOfEnterprise(long id) {
        return DataScope.asSystem(() -> jdbc.sql("select credit_code from enterprise where id = ?").param(id)
                .query(String.class).single());
    }

    long count(String sql, Object... params) {
        return DataScope.asSystem(() -> jdbc.sql(sql).params(params).query(Long.class).single());
    }

    private long id(String sql, String name) {
        return DataScope.asSystem(() -> jdbc.sql(sql).param(name).query(Long.class).single());
    }
}
