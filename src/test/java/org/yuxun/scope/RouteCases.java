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
        CatalogueRouteCases.add(cases);
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
