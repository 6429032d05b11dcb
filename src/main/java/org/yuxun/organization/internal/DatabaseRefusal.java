package org.yuxun.organization.internal;

import java.sql.SQLException;
import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;

/**
 * Reads why PostgreSQL refused a write, so that the refusal can be shown at the field it concerns instead of as
 * an error page: a row-level security {@code WITH CHECK} failure (the row would leave the caller's data scope)
 * or a named unique constraint.
 */
public final class DatabaseRefusal {

    /** {@code insufficient_privilege}: "new row violates row-level security policy for table …". */
    static final String ROW_SECURITY = "42501";
    static final String UNIQUE_VIOLATION = "23505";

    private DatabaseRefusal() {
    }

    /** Whether the write was refused because the row would lie outside the caller's data scope. */
    public static boolean outsideScope(DataAccessException e) {
        return sqlException(e).map(s -> ROW_SECURITY.equals(s.getSQLState())).orElse(false);
    }

    /** The unique constraint the write violated, if that is why it failed. */
    public static Optional<String> uniqueConstraint(DataAccessException e) {
        return sqlException(e)
                .filter(s -> UNIQUE_VIOLATION.equals(s.getSQLState()))
                .flatMap(s -> s instanceof PSQLException p ? Optional.ofNullable(p.getServerErrorMessage())
                        : Optional.empty())
                .map(ServerErrorMessage::getConstraint);
    }

    private static Optional<SQLException> sqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
