package org.yuxun.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.IntegrationTest;
import org.yuxun.shared.DataScope;

/** A query sent together with the caller's scope settings sees that scope, and leaves every connection consistent. */
@IntegrationTest
class ScopedDataSourceTest {

    private static final String SETTINGS =
            "select current_setting('yuxun.scope') || '/' || current_setting('yuxun.person_id')";

    @Autowired
    ScopedDataSource scoped;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private static DataScope learner(long person) {
        return new DataScope(DataScope.Kind.LEARNER, 9_000 + person, person, null, null);
    }

    private String inScope(DataScope scope) {
        return DataScope.as(scope, () -> scoped.queryInScope(SETTINGS, (rs, n) -> rs.getString(1)).getFirst());
    }

    private String plain(DataScope scope) {
        return DataScope.as(scope, () -> jdbc.sql(SETTINGS).query(String.class).single());
    }

    @Test
    void theQuerySeesTheCallersScopeWhicheverScopeTheConnectionCarriedBefore() {
        for (long person = 1; person <= 30; person++) {
            assertThat(inScope(learner(person))).isEqualTo("LEARNER/" + person);
            assertThat(plain(learner(person + 100))).isEqualTo("LEARNER/" + (person + 100));
            assertThat(inScope(learner(person + 100))).isEqualTo("LEARNER/" + (person + 100));
            assertThat(plain(learner(person))).isEqualTo("LEARNER/" + person);
        }
    }

    @Test
    void parametersAreTheQuerysOwn() {
        List<String> rows = DataScope.as(learner(7), () -> scoped.queryInScope(
                "select ?::text || current_setting('yuxun.person_id') || ? from generate_series(1, ?)",
                (rs, n) -> rs.getString(1), "<", ">", 3));
        assertThat(rows).containsExactly("<7>", "<7>", "<7>");
    }

    @Test
    void aFailedQueryLeavesTheConnectionsScopeAsItWasAndTheNextCallsRight() {
        assertThat(plain(learner(41))).isEqualTo("LEARNER/41");
        assertThatThrownBy(() -> DataScope.as(learner(42),
                () -> scoped.queryInScope("select 1 / 0", (rs, n) -> rs.getInt(1))))
                .isInstanceOf(DataAccessException.class);
        for (int i = 0; i < 40; i++) {
            assertThat(plain(learner(42))).isEqualTo("LEARNER/42");
            assertThat(inScope(learner(42))).isEqualTo("LEARNER/42");
            assertThat(plain(learner(41))).isEqualTo("LEARNER/41");
        }
    }

    @Test
    void insideATransactionTheTransactionsConnectionAndScopeServe() {
        String seen = transactions.execute(status -> DataScope.as(learner(51), () -> {
            long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
            List<String> rows = scoped.queryInScope(
                    SETTINGS + " || '/' || (pg_backend_pid() = ?)", (rs, n) -> rs.getString(1), backend);
            return rows.getFirst();
        }));
        assertThat(seen).isEqualTo("LEARNER/51/true");
    }
}
