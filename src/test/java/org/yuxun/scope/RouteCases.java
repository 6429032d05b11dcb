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

    /** A class id no institution has: the assessment tests check the real classes of another institution. */

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
        get(cases, "/api/v1/docs/index.html", f -> "/api/v1/docs/index.html", ALLOWED);
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
        organisations(cases);
        identity(cases);
        people(cases);
        // Training · assessment: scores and completion of a class B does not run, a learner's own classes
        get(cases, "/classes/{classId}/assessment", f -> "/classes/" + f.classA + "/assessment", DENIED);
        post(cases, "/classes/{classId}/assessment", f -> "/classes/" + f.classA + "/assessment", DENIED,
                Map.of("enrolmentId", "1", "theory_1", "1", "practice_1", "1"));
        post(cases, "/classes/{classId}/assessment/{enrolmentId}",
                f -> "/classes/" + f.classA + "/assessment/1", DENIED, Map.of("theory_1", "1", "practice_1", "1"));
        post(cases, "/classes/{classId}/assessment/{enrolmentId}/resit",
                f -> "/classes/" + f.classA + "/assessment/1/resit", DENIED,
                Map.of("theory_1", "1", "practice_1", "1"));
        get(cases, "/classes/{classId}/assessment/sheet", f -> "/classes/" + f.classA + "/assessment/sheet",
                DENIED);
        post(cases, "/classes/{classId}/assessment/sheet", f -> "/classes/" + f.classA + "/assessment/sheet",
                DENIED, Map.of());
        get(cases, "/classes/{classId}/completion", f -> "/classes/" + f.classA + "/completion", DENIED);
        post(cases, "/classes/{classId}/completion", f -> "/classes/" + f.classA + "/completion", DENIED,
                Map.of());
        get(cases, "/classes/{classId}/completion/export", f -> "/classes/" + f.classA + "/completion/export",
                DENIED);
        get(cases, "/my/classes", f -> "/my/classes", ALLOWED);
        get(cases, "/my/classes/{enrolmentId}", f -> "/my/classes/1", DENIED);
        // Attendance: sessions and classes B does not run are not found; check-in acts only for B's own person
        get(cases, "/sessions/{id}/attendance", f -> "/sessions/" + f.sessionA + "/attendance", DENIED);
        get(cases, "/sessions/{id}/attendance/qr", f -> "/sessions/" + f.sessionA + "/attendance/qr", DENIED);
        get(cases, "/sessions/{id}/attendance/qr.png", f -> "/sessions/" + f.sessionA + "/attendance/qr.png", DENIED);
        get(cases, "/sessions/{id}/attendance/live", f -> "/sessions/" + f.sessionA + "/attendance/live", DENIED);
        get(cases, "/sessions/{id}/attendance/roll-call", f -> "/sessions/" + f.sessionA + "/attendance/roll-call", DENIED);
        post(cases, "/sessions/{id}/attendance/roll-call", f -> "/sessions/" + f.sessionA + "/attendance/roll-call", DENIED,
                Map.of("mark_1", "PRESENT"));
        post(cases, "/sessions/{id}/attendance/corrections", f -> "/sessions/" + f.sessionA + "/attendance/corrections", DENIED,
                Map.of("enrolmentId", "1", "action", "ADD", "reason", "乙伪造"));
        get(cases, "/classes/{id}/attendance", f -> "/classes/" + f.classA + "/attendance", DENIED);
        get(cases, "/classes/{id}/attendance/export", f -> "/classes/" + f.classA + "/attendance/export", DENIED);
        get(cases, "/m/check-in", f -> "/m/check-in", ALLOWED, Map.of("t", "forged"));
        get(cases, "/leave", f -> "/leave", ALLOWED);
        get(cases, "/leave/new", f -> "/leave/new", DENIED, Map.of("session", "{sessionA}"));
        post(cases, "/leave", f -> "/leave", DENIED, Map.of("session", "{sessionA}", "reason", "乙伪造"));
        post(cases, "/leave/{id}/decision", f -> "/leave/0/decision", DENIED, Map.of("approve", "true"));
        get(cases, "/sessions/{id}/study", f -> "/sessions/" + f.sessionA + "/study", DENIED);
        post(cases, "/sessions/{id}/study/heartbeat", f -> "/sessions/" + f.sessionA + "/study/heartbeat", DENIED,
                Map.of("active", "true"));
        CatalogueRouteCases.add(cases);
        CertificationRouteCases.add(cases);
        CredentialRouteCases.add(cases);
        SubsidyRouteCases.add(cases);
        CreditBankRouteCases.add(cases);
        // Enrolment: rosters, imports and jobs of a class B cannot reach; the public form of a class not open
        get(cases, "/jobs/{id}", f -> "/jobs/999999999", DENIED);
        get(cases, "/classes/{classId}/enrolments", f -> "/classes/" + f.classA + "/enrolments", DENIED);
        get(cases, "/classes/{classId}/enrolments/export", f -> "/classes/" + f.classA + "/enrolments/export", DENIED);
        post(cases, "/classes/{classId}/enrolments", f -> "/classes/" + f.classA + "/enrolments", DENIED,
                Map.of("name", "乙学员", "documentType", "RESIDENT_ID_CARD", "documentNumber", "11010519491231002X",
                        "priorityGroup", "NONE"));
        post(cases, "/classes/{classId}/enrolments/{enrolmentId}/withdraw",
                f -> "/classes/" + f.classA + "/enrolments/999999999/withdraw", DENIED,
                Map.of("reason", "乙退班", "version", "0"));
        post(cases, "/classes/{classId}/enrolments/{enrolmentId}/transfer",
                f -> "/classes/" + f.classA + "/enrolments/999999999/transfer", DENIED,
                Map.of("reason", "乙转班", "version", "0", "targetClassId", "1"));
        post(cases, "/classes/{classId}/enrolments/accounts", f -> "/classes/" + f.classA + "/enrolments/accounts",
                DENIED, Map.of());
        get(cases, "/classes/{classId}/import", f -> "/classes/" + f.classA + "/import", DENIED);
        get(cases, "/classes/{classId}/import/template.xlsx", f -> "/classes/" + f.classA + "/import/template.xlsx", DENIED);
        post(cases, "/classes/{classId}/import", f -> "/classes/" + f.classA + "/import", DENIED, Map.of());
        get(cases, "/classes/{classId}/import/{jobId}", f -> "/classes/" + f.classA + "/import/999999999", DENIED);
        get(cases, "/classes/{classId}/import/{jobId}/errors.xlsx",
                f -> "/classes/" + f.classA + "/import/999999999/errors.xlsx", DENIED);
        post(cases, "/classes/{classId}/import/{jobId}/confirm", f -> "/classes/" + f.classA + "/import/999999999/confirm",
                DENIED, Map.of());
        get(cases, "/public/programmes/{programmeId}/enrol", f -> "/public/programmes/" + f.programmeA + "/enrol", DENIED,
                Map.of("class", "{classA}"));
        post(cases, "/public/programmes/{programmeId}/enrol", f -> "/public/programmes/" + f.programmeA + "/enrol", DENIED,
                Map.of("class", "{classA}", "name", "乙学员"));
        get(cases, "/public/programmes/{programmeId}/enrol/done", f -> "/public/programmes/" + f.programmeA + "/enrol/done",
                DENIED, Map.of("class", "{classA}"));
        get(cases, "/enterprise/enrolments", f -> "/enterprise/enrolments", DENIED);
        get(cases, "/enterprise/enrolments/{classId}", f -> "/enterprise/enrolments/" + f.classA, DENIED);
        post(cases, "/enterprise/enrolments/{classId}", f -> "/enterprise/enrolments/" + f.classA, DENIED,
                Map.of("name", "乙职工"));
        return cases;
    }

    /** Persons: B knows A's learner's number but not the name, and never learns either from Yuxun. */
    private static void people(List<Case> cases) {
        get(cases, "/persons", f -> "/persons", ALLOWED, Map.of("q", "{personName-prefix}"));
        post(cases, "/persons/search", f -> "/persons/search", ALLOWED, Map.of("q", "{personDocumentA}"));
        get(cases, "/persons/new", f -> "/persons/new", ALLOWED);
        post(cases, "/persons", f -> "/persons", ALLOWED, Map.of("documentType", "RESIDENT_ID_CARD",
                "documentNumber", "{personDocumentA}", "name", "乙猜名", "relation", "LEARNER"));
        get(cases, "/persons/{id}", f -> "/persons/" + f.personA, DENIED);
        get(cases, "/persons/{id}/edit", f -> "/persons/" + f.personA + "/edit", DENIED);
        post(cases, "/persons/{id}", f -> "/persons/" + f.personA, DENIED, Map.of("name", "乙改名", "version", "0"));
        post(cases, "/persons/{id}/reveal", f -> "/persons/" + f.personA + "/reveal", DENIED, Map.of());
        post(cases, "/persons/{id}/reveal-phone", f -> "/persons/" + f.personA + "/reveal-phone", DENIED, Map.of());
        get(cases, "/api/v1/persons", f -> "/api/v1/persons", ALLOWED, Map.of("q", "{personName-prefix}"));
        post(cases, "/api/v1/persons/search", f -> "/api/v1/persons/search", ALLOWED,
                Map.of("_json", "{\"q\":\"{personDocumentA}\"}"));
        post(cases, "/api/v1/persons", f -> "/api/v1/persons", ALLOWED, Map.of("_json",
                "{\"documentType\":\"RESIDENT_ID_CARD\",\"documentNumber\":\"{personDocumentA}\",\"name\":\"乙猜名\"}"));
        get(cases, "/api/v1/persons/{id}", f -> "/api/v1/persons/" + f.personA, DENIED);
        post(cases, "/api/v1/persons/{id}/reveal", f -> "/api/v1/persons/" + f.personA + "/reveal", DENIED, Map.of());
    }

    /** Users, roles, own account and audit: B manages only B's institution. */
    private static void identity(List<Case> cases) {
        get(cases, "/account", f -> "/account", ALLOWED);
        get(cases, "/account/password", f -> "/account/password", ALLOWED);
        get(cases, "/account/tokens", f -> "/account/tokens", ALLOWED);
        post(cases, "/account/password", f -> "/account/password", ALLOWED,
                Map.of("currentPassword", "wrong", "newPassword", "Abcdefgh12", "confirmPassword", "Abcdefgh12"));
        post(cases, "/account/tokens", f -> "/account/tokens", ALLOWED, Map.of("name", "乙的令牌"));
        post(cases, "/account/tokens/{id}/revoke", f -> "/account/tokens/1/revoke", ALLOWED, Map.of());
        get(cases, "/api/v1/me", f -> "/api/v1/me", ALLOWED);
        get(cases, "/audit", f -> "/audit", ALLOWED, Map.of("username", "scope-a"));
        get(cases, "/audit/export", f -> "/audit/export", ALLOWED, Map.of("username", "scope-a"));
        get(cases, "/roles", f -> "/roles", ALLOWED);
        get(cases, "/roles/new", f -> "/roles/new", DENIED);
        get(cases, "/roles/{code}", f -> "/roles/TEACHER", ALLOWED);
        post(cases, "/roles", f -> "/roles", DENIED, Map.of("code", "B_ROLE", "name", "乙角色", "scopeKind", "PLATFORM"));
        post(cases, "/roles/{code}/delete", f -> "/roles/TEACHER/delete", DENIED, Map.of());
        post(cases, "/roles/{code}/permissions", f -> "/roles/INSTITUTION_ADMIN/permissions", DENIED,
                Map.of("permissions", "AUTHORITY_CREATE", "version", "0"));
        get(cases, "/users", f -> "/users", ALLOWED, Map.of("q", "scope-a"));
        get(cases, "/users/new", f -> "/users/new", ALLOWED);
        get(cases, "/users/organisations", f -> "/users/organisations", ALLOWED,
                Map.of("orgKind", "INSTITUTION", "q", "{marker-prefix}"));
        get(cases, "/users/{id}", f -> "/users/" + f.userA, DENIED);
        get(cases, "/users/{id}/edit", f -> "/users/" + f.userA + "/edit", DENIED);
        get(cases, "/users/{id}/password", f -> "/users/" + f.userA + "/password", DENIED);
        post(cases, "/users", f -> "/users", ALLOWED, Map.of("username", "b-into-a", "displayName", "乙伪造",
                "orgKind", "INSTITUTION", "orgId", "{institutionA}", "roles", "INSTITUTION_ADMIN",
                "password", "Abcdefgh12", "confirmPassword", "Abcdefgh12"));
        post(cases, "/users/{id}", f -> "/users/" + f.userA, DENIED, Map.of("displayName", "乙改名", "version", "0"));
        post(cases, "/users/{id}/enabled", f -> "/users/" + f.userA + "/enabled", DENIED,
                Map.of("enabled", "false", "version", "0"));
        post(cases, "/users/{id}/password", f -> "/users/" + f.userA + "/password", DENIED,
                Map.of("password", "Abcdefgh12", "confirmPassword", "Abcdefgh12"));
        post(cases, "/users/{id}/unlock", f -> "/users/" + f.userA + "/unlock", DENIED, Map.of("version", "0"));
    }

    /** Institutions, enterprises and venues: B searches for A's marker and addresses A's records directly. */
    private static void organisations(List<Case> cases) {
        for (String list : List.of("/institutions", "/enterprises", "/venues")) {
            cases.add(new Case(HttpMethod.GET, list, f -> list, ALLOWED, Map.of("q", "{marker-prefix}")));
        }
        get(cases, "/institutions/export", f -> "/institutions/export", ALLOWED);
        get(cases, "/enterprises/export", f -> "/enterprises/export", ALLOWED);
        get(cases, "/institutions/supervisors", f -> "/institutions/supervisors", ALLOWED,
                Map.of("kind", "HIGHER_VOCATIONAL", "regionCode", "330106"));
        get(cases, "/institutions/new", f -> "/institutions/new", DENIED);
        get(cases, "/enterprises/new", f -> "/enterprises/new", ALLOWED);
        get(cases, "/venues/new", f -> "/venues/new", ALLOWED);
        get(cases, "/institutions/{id}", f -> "/institutions/" + f.institutionA, DENIED);
        get(cases, "/institutions/{id}/edit", f -> "/institutions/" + f.institutionA + "/edit", DENIED);
        get(cases, "/enterprises/{id}", f -> "/enterprises/" + f.enterpriseA, DENIED);
        get(cases, "/enterprises/{id}/edit", f -> "/enterprises/" + f.enterpriseA + "/edit", DENIED);
        get(cases, "/venues/{id}", f -> "/venues/" + f.venueA, DENIED);
        get(cases, "/venues/{id}/edit", f -> "/venues/" + f.venueA + "/edit", DENIED);
        post(cases, "/institutions", f -> "/institutions", DENIED, Map.of("name", "乙伪造学院",
                "kind", "HIGHER_VOCATIONAL", "regionCode", "330106"));
        post(cases, "/institutions/{id}", f -> "/institutions/" + f.institutionA, DENIED,
                Map.of("name", "乙改名", "address", "乙地址", "version", "0"));
        post(cases, "/institutions/{id}/active", f -> "/institutions/" + f.institutionA + "/active", DENIED,
                Map.of("active", "false", "version", "0"));
        post(cases, "/enterprises", f -> "/enterprises", ALLOWED, Map.of("creditCode", "91330106MA27XXXX0X"));
        post(cases, "/enterprises/{id}", f -> "/enterprises/" + f.enterpriseA, DENIED,
                Map.of("name", "乙改名企业", "version", "0"));
        post(cases, "/enterprises/{id}/active", f -> "/enterprises/" + f.enterpriseA + "/active", DENIED,
                Map.of("active", "false", "version", "0"));
        post(cases, "/venues", f -> "/venues", ALLOWED, Map.of("name", "乙教室", "kind", "CLASSROOM",
                "address", "乙楼", "capacity", "20"));
        post(cases, "/venues/{id}", f -> "/venues/" + f.venueA, DENIED, Map.of("name", "乙改名教室",
                "kind", "CLASSROOM", "address", "乙楼", "capacity", "20", "version", "0"));
        post(cases, "/venues/{id}/active", f -> "/venues/" + f.venueA + "/active", DENIED,
                Map.of("active", "false", "version", "0"));
        // REST API
        get(cases, "/api/v1/regions", f -> "/api/v1/regions", ALLOWED, Map.of("parent", "330000"));
        get(cases, "/api/v1/industries", f -> "/api/v1/industries", ALLOWED);
        get(cases, "/api/v1/authorities", f -> "/api/v1/authorities", ALLOWED);
        get(cases, "/api/v1/authorities/{id}", f -> "/api/v1/authorities/1", ALLOWED);
        get(cases, "/api/v1/institutions", f -> "/api/v1/institutions", ALLOWED, Map.of("q", "{marker-prefix}"));
        get(cases, "/api/v1/enterprises", f -> "/api/v1/enterprises", ALLOWED, Map.of("q", "{marker-prefix}"));
        get(cases, "/api/v1/venues", f -> "/api/v1/venues", ALLOWED, Map.of("q", "{marker-prefix}"));
        get(cases, "/api/v1/institutions/{id}", f -> "/api/v1/institutions/" + f.institutionA, DENIED);
        get(cases, "/api/v1/enterprises/{id}", f -> "/api/v1/enterprises/" + f.enterpriseA, DENIED);
        get(cases, "/api/v1/enterprises/{id}/partners", f -> "/api/v1/enterprises/" + f.enterpriseA + "/partners",
                DENIED);
        get(cases, "/api/v1/venues/{id}", f -> "/api/v1/venues/" + f.venueA, DENIED);
        post(cases, "/api/v1/institutions", f -> "/api/v1/institutions", DENIED,
                Map.of("_json", "{\"name\":\"乙伪造\",\"kind\":\"HIGHER_VOCATIONAL\",\"regionCode\":\"330106\"}"));
        put(cases, "/api/v1/institutions/{id}", f -> "/api/v1/institutions/" + f.institutionA, DENIED,
                Map.of("_json", "{\"name\":\"乙改名\"}"));
        post(cases, "/api/v1/enterprises", f -> "/api/v1/enterprises", ALLOWED, Map.of("_json", "{}"));
        put(cases, "/api/v1/enterprises/{id}", f -> "/api/v1/enterprises/" + f.enterpriseA, DENIED,
                Map.of("_json", "{\"name\":\"乙改名企业\"}"));
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
