package org.yuxun.scope;

import static org.yuxun.scope.DataScopeTest.Expect.ALLOWED;
import static org.yuxun.scope.DataScopeTest.Expect.DENIED;
import static org.yuxun.scope.RouteCases.get;
import static org.yuxun.scope.RouteCases.post;

import java.util.List;
import java.util.Map;

import org.yuxun.scope.DataScopeTest.Case;

/** Routes of the training catalogue: programmes, classes, sessions and the public programme pages. */
final class CatalogueRouteCases {

    private CatalogueRouteCases() {
    }

    static void add(List<Case> cases) {
        get(cases, "/programmes", f -> "/programmes", ALLOWED, Map.of("q", "项目"));
        get(cases, "/programmes/export", f -> "/programmes/export", ALLOWED);
        get(cases, "/programmes/occupations", f -> "/programmes/occupations", ALLOWED, Map.of("q", "4-"));
        get(cases, "/programmes/new", f -> "/programmes/new", ALLOWED);
        post(cases, "/programmes", f -> "/programmes", ALLOWED, Map.of("name", "乙伪造项目", "type", "JOB_SKILLS",
                "fundingMode", "MARKET", "industryField", "OTHER", "deliveryMode", "ON_CAMPUS",
                "partnerIds", "0"));
        get(cases, "/programmes/{id}", f -> "/programmes/" + f.programmeA, DENIED);
        get(cases, "/programmes/{id}/edit", f -> "/programmes/" + f.programmeA + "/edit", DENIED);
        post(cases, "/programmes/{id}", f -> "/programmes/" + f.programmeA, DENIED, programmeForm());
        for (String action : List.of("submit", "return", "approve", "publish", "retire")) {
            post(cases, "/programmes/{id}/" + action, f -> "/programmes/" + f.programmeA + "/" + action, DENIED,
                    Map.of("version", "0"));
        }
        post(cases, "/programmes/{id}/documents", f -> "/programmes/" + f.programmeA + "/documents", DENIED,
                Map.of("kind", "OTHER"));
        get(cases, "/programmes/{id}/documents/{documentId}",
                f -> "/programmes/" + f.programmeA + "/documents/" + f.documentA, DENIED);
        post(cases, "/programmes/{id}/documents/{documentId}/delete",
                f -> "/programmes/" + f.programmeA + "/documents/" + f.documentA + "/delete", DENIED, Map.of());

        get(cases, "/classes", f -> "/classes", ALLOWED, Map.of("q", "班"));
        get(cases, "/classes/new", f -> "/classes/new?programme=" + f.programmeA, ALLOWED);
        post(cases, "/classes", f -> "/classes", ALLOWED, classForm(0));
        get(cases, "/classes/{id}", f -> "/classes/" + f.classA, DENIED);
        get(cases, "/classes/{id}/edit", f -> "/classes/" + f.classA + "/edit", DENIED);
        post(cases, "/classes/{id}", f -> "/classes/" + f.classA, DENIED, classForm(0));
        post(cases, "/classes/{id}/status", f -> "/classes/" + f.classA + "/status", DENIED,
                Map.of("target", "CANCELLED", "reason", "乙", "version", "0"));
        get(cases, "/classes/{id}/sessions/new", f -> "/classes/" + f.classA + "/sessions/new", DENIED);
        post(cases, "/classes/{id}/sessions", f -> "/classes/" + f.classA + "/sessions", DENIED, sessionForm());
        get(cases, "/classes/{id}/sessions/{sessionId}/edit",
                f -> "/classes/" + f.classA + "/sessions/" + f.sessionA + "/edit", DENIED);
        post(cases, "/classes/{id}/sessions/{sessionId}",
                f -> "/classes/" + f.classA + "/sessions/" + f.sessionA, DENIED, sessionForm());
        post(cases, "/classes/{id}/sessions/{sessionId}/delete",
                f -> "/classes/" + f.classA + "/sessions/" + f.sessionA + "/delete", DENIED, Map.of());
        get(cases, "/classes/{id}/sessions/pattern", f -> "/classes/" + f.classA + "/sessions/pattern", DENIED);
        post(cases, "/classes/{id}/sessions/pattern/preview",
                f -> "/classes/" + f.classA + "/sessions/pattern/preview", DENIED, patternForm());
        post(cases, "/classes/{id}/sessions/pattern", f -> "/classes/" + f.classA + "/sessions/pattern", DENIED,
                patternForm());

        get(cases, "/api/v1/programmes", f -> "/api/v1/programmes", ALLOWED, Map.of("q", "项目"));
        get(cases, "/api/v1/classes/{id}", f -> "/api/v1/classes/" + f.classA, DENIED);
        get(cases, "/public/programmes", f -> "/public/programmes", ALLOWED);
        get(cases, "/public/programmes/{id}", f -> "/public/programmes/" + f.programmeA, DENIED);
    }

    private static Map<String, String> programmeForm() {
        return Map.ofEntries(Map.entry("name", "乙改名"), Map.entry("type", "JOB_SKILLS"),
                Map.entry("fundingMode", "MARKET"), Map.entry("industryField", "OTHER"),
                Map.entry("theoryHours", "8"), Map.entry("practiceHours", "0"), Map.entry("onlineHours", "0"),
                Map.entry("deliveryMode", "ON_CAMPUS"), Map.entry("modules[0].name", "乙"),
                Map.entry("modules[0].hours", "8"), Map.entry("fee", "0"), Map.entry("completionAward", "NONE"),
                Map.entry("attendancePercent", "80"), Map.entry("theoryWeightPercent", "50"),
                Map.entry("passMark", "60"), Map.entry("version", "0"));
    }

    private static Map<String, String> classForm(long programme) {
        return Map.of("programmeId", String.valueOf(programme), "name", "乙班", "startDate", "2030-01-01",
                "endDate", "2030-01-31", "capacity", "10", "version", "0");
    }

    private static Map<String, String> sessionForm() {
        return Map.of("date", "2030-01-03", "start", "09:00", "end", "11:00", "kind", "ONLINE", "hours", "2",
                "version", "0");
    }

    private static Map<String, String> patternForm() {
        return Map.of("from", "2030-01-01", "to", "2030-01-31", "weekdays", "MONDAY", "start", "09:00", "end",
                "11:00", "kind", "ONLINE", "hours", "2");
    }
}
