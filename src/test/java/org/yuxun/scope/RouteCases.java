package org.yuxun.scope;

import static org.yuxun.scope.DataScopeTest.Expect.ALLOWED;
import static org.yuxun.scope.DataScopeTest.Expect.DENIED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import org.yuxun.scope.DataScopeTest.Case;
import org.yuxun.scope.DataScopeTest.Expect;

/**
 * One case per route: how user B calls it, with A's identifiers where the route addresses a record. A new route
 * fails {@link DataScopeTest#everyRouteHasACase()} until it is listed here.
 */
final class RouteCases {

    private RouteCases() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        // Public pages and infrastructure
        get(cases, "/", f -> "/", ALLOWED);
        get(cases, "/login", f -> "/login", ALLOWED);
        get(cases, "/home", f -> "/home", ALLOWED);
        get(cases, "/error", f -> "/error", ALLOWED);
        get(cases, "/actuator/health", f -> "/actuator/health", ALLOWED);
        get(cases, "/actuator/health/**", f -> "/actuator/health/readiness", ALLOWED);
        get(cases, "/actuator", f -> "/actuator", ALLOWED);
        get(cases, "/actuator/info", f -> "/actuator/info", ALLOWED);
        get(cases, "/api/v1/openapi", f -> "/api/v1/openapi", ALLOWED);
        get(cases, "/api/v1/openapi/swagger-config", f -> "/api/v1/openapi/swagger-config", ALLOWED);
        get(cases, "/api/v1/openapi.yaml", f -> "/api/v1/openapi.yaml", ALLOWED);
        get(cases, "/api/v1/docs", f -> "/api/v1/docs", ALLOWED);
        // Regions: reference data, the same for everyone
        get(cases, "/regions", f -> "/regions", ALLOWED, Map.of("q", "杭州"));
        get(cases, "/regions/options", f -> "/regions/options", ALLOWED, Map.of("q", "3301"));
        // Authorities: public bodies, readable by every signed-in user; writes are the platform's
        get(cases, "/authorities", f -> "/authorities", ALLOWED);
        get(cases, "/authorities/new", f -> "/authorities/new", DENIED);
        get(cases, "/authorities/{id}", f -> "/authorities/1", ALLOWED);
        get(cases, "/authorities/{id}/edit", f -> "/authorities/1/edit", DENIED);
        post(cases, "/authorities", f -> "/authorities", DENIED, Map.of("name", "乙伪造", "kind", "EDUCATION",
                "level", "CITY", "regionCode", "330300"));
        post(cases, "/authorities/{id}", f -> "/authorities/1", DENIED, Map.of("name", "乙改名", "kind", "EDUCATION",
                "level", "PROVINCE", "regionCode", "330000", "version", "0"));
        post(cases, "/authorities/{id}/active", f -> "/authorities/1/active", DENIED,
                Map.of("active", "false", "version", "0"));
        // Enrolment: rosters, imports and jobs of a class B cannot reach; the public form of a class not open
        get(cases, "/jobs/{id}", f -> "/jobs/999999999", DENIED);
        get(cases, "/classes/{classId}/enrolments", f -> "/classes/999999999/enrolments", DENIED);
        get(cases, "/classes/{classId}/enrolments/export", f -> "/classes/999999999/enrolments/export", DENIED);
        post(cases, "/classes/{classId}/enrolments", f -> "/classes/999999999/enrolments", DENIED,
                Map.of("name", "乙学员", "documentType", "RESIDENT_ID_CARD", "documentNumber", "11010519491231002X",
                        "priorityGroup", "NONE"));
        post(cases, "/classes/{classId}/enrolments/{enrolmentId}/withdraw",
                f -> "/classes/999999999/enrolments/999999999/withdraw", DENIED,
                Map.of("reason", "乙退班", "version", "0"));
        post(cases, "/classes/{classId}/enrolments/{enrolmentId}/transfer",
                f -> "/classes/999999999/enrolments/999999999/transfer", DENIED,
                Map.of("reason", "乙转班", "version", "0", "targetClassId", "1"));
        get(cases, "/classes/{classId}/import", f -> "/classes/999999999/import", DENIED);
        get(cases, "/classes/{classId}/import/template.xlsx", f -> "/classes/999999999/import/template.xlsx", DENIED);
        post(cases, "/classes/{classId}/import", f -> "/classes/999999999/import", DENIED, Map.of());
        get(cases, "/classes/{classId}/import/{jobId}", f -> "/classes/999999999/import/999999999", DENIED);
        get(cases, "/classes/{classId}/import/{jobId}/errors.xlsx",
                f -> "/classes/999999999/import/999999999/errors.xlsx", DENIED);
        post(cases, "/classes/{classId}/import/{jobId}/confirm", f -> "/classes/999999999/import/999999999/confirm",
                DENIED, Map.of());
        get(cases, "/public/programmes/{programmeId}/enrol", f -> "/public/programmes/999999999/enrol", DENIED,
                Map.of("class", "999999999"));
        post(cases, "/public/programmes/{programmeId}/enrol", f -> "/public/programmes/999999999/enrol", DENIED,
                Map.of("class", "999999999", "name", "乙学员"));
        get(cases, "/public/programmes/{programmeId}/enrol/done", f -> "/public/programmes/999999999/enrol/done",
                DENIED, Map.of("class", "999999999"));
        get(cases, "/enterprise/enrolments", f -> "/enterprise/enrolments", DENIED);
        get(cases, "/enterprise/enrolments/{classId}", f -> "/enterprise/enrolments/999999999", DENIED);
        post(cases, "/enterprise/enrolments/{classId}", f -> "/enterprise/enrolments/999999999", DENIED,
                Map.of("name", "乙职工"));
        return cases;
    }

    static void get(List<Case> cases, String pattern, Function<ScopeFixture, String> path, Expect expect) {
        get(cases, pattern, path, expect, Map.of());
    }

    static void get(List<Case> cases, String pattern, Function<ScopeFixture, String> path, Expect expect,
                    Map<String, String> params) {
        cases.add(new Case(HttpMethod.GET, pattern, path, expect, params));
    }

    static void post(List<Case> cases, String pattern, Function<ScopeFixture, String> path, Expect expect,
                     Map<String, String> params) {
        cases.add(new Case(HttpMethod.POST, pattern, path, expect, params));
    }

    static void put(List<Case> cases, String pattern, Function<ScopeFixture, String> path, Expect expect,
                    Map<String, String> params) {
        cases.add(new Case(HttpMethod.PUT, pattern, path, expect, params));
    }
}
