package org.yuxun.shared;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * What one caller may see (数据权限), as DESIGN.md defines it. It is enforced in one place: every database
 * connection the application hands out carries the caller's scope as session settings ({@code yuxun.scope},
 * {@code yuxun.org_id}, {@code yuxun.region}, …) and PostgreSQL row-level security policies filter every table
 * by them. Code never filters by scope itself.
 *
 * @param kind which remit applies
 * @param userId the signed-in user, if any
 * @param personId the real person behind the user, if any (learners see only this person)
 * @param organisationId the institution, enterprise or authority the user belongs to
 * @param regionPrefix for authority officers: the GB/T 2260 prefix of the region subtree they govern
 */
public record DataScope(Kind kind, Long userId, Long personId, Long organisationId, String regionPrefix)
        implements Serializable {

    public enum Kind {
        /** Background work and cross-scope checks that report only their finding. Never a user's scope. */
        SYSTEM,
        /** 平台管理员. */
        PLATFORM,
        /** 教育行政部门: 职业院校 and their training in the region subtree. */
        EDUCATION_AUTHORITY,
        /** 人力资源社会保障部门: 技工院校, providers, evaluators, subsidised training in the region subtree. */
        HRSS_AUTHORITY,
        /** Institution administrator and training officer: their institution. */
        INSTITUTION,
        /** Teacher: the classes they teach, within their institution. */
        TEACHER,
        /** Enterprise HR: their enterprise and its workers' enrolments. */
        ENTERPRISE,
        /** Learner: only themselves. */
        LEARNER,
        /** Nobody signed in: only what is public by design. */
        ANONYMOUS
    }

    public static final DataScope SYSTEM = new DataScope(Kind.SYSTEM, null, null, null, null);
    public static final DataScope ANONYMOUS = new DataScope(Kind.ANONYMOUS, null, null, null, null);

    private static final ThreadLocal<DataScope> OVERRIDE = new ThreadLocal<>();
    private static volatile java.util.function.Consumer<DataScope> applier = scope -> { };

    /**
     * Runs work without the caller's scope: for checks that must look across institutions (duplicate subsidy,
     * overlapping classes, looking up a person by identity number) and for background jobs. The work must return
     * only its finding, never rows the caller could not otherwise see.
     */
    public static <T> T asSystem(Supplier<T> work) {
        return as(SYSTEM, work);
    }

    public static void asSystem(Runnable work) {
        as(SYSTEM, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs work in the given scope, for example an event listener acting for the institution that caused it. Work
     * already running in that scope just runs: the connection carries it, so it is not written again.
     */
    public static <T> T as(DataScope scope, Supplier<T> work) {
        DataScope previous = OVERRIDE.get();
        if (scope.equals(previous)) {
            return work.get();
        }
        OVERRIDE.set(scope);
        applier.accept(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
            applier.accept(null);
        }
    }

    /**
     * Installed by the database layer: re-applies the effective scope to a connection already bound to the current
     * transaction when {@link #as} changes it ({@code null} means "restore the caller's scope").
     */
    public static void installApplier(java.util.function.Consumer<DataScope> newApplier) {
        applier = newApplier;
    }

    /** The scope set by {@link #as} on this thread, if any. */
    public static DataScope override() {
        return OVERRIDE.get();
    }
}
