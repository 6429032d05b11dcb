package org.yuxun.scope;

import static org.yuxun.scope.DataScopeTest.Expect.ALLOWED;
import static org.yuxun.scope.DataScopeTest.Expect.DENIED;
import static org.yuxun.scope.RouteCases.get;
import static org.yuxun.scope.RouteCases.post;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.scope.DataScopeTest.Case;
import org.yuxun.shared.DataScope;

/**
 * Routes of the credit bank. A has a major, a degree programme, a course, a draft conversion rule, A's learner as
 * a student, a learning outcome of that learner, an application to A under review and an outcome the learner
 * submitted to A with evidence, all named with the marker. B searches and exports, addresses A's records directly,
 * and tries to review A's application and submission; the public rule catalogue
 * shows published rules only, and A's is a draft.
 */
final class CreditBankRouteCases {

    private CreditBankRouteCases() {
    }

    static void createRecordsOfA(JdbcClient jdbc, ScopeFixture f) {
        DataScope.asSystem(() -> {
            f.majorA = jdbc.sql("insert into academic_major (institution_id, code, name) values (?, '460305', ?) returning id")
                    .params(f.institutionA, f.marker + "专业").query(Long.class).single();
            f.degreeProgrammeA = jdbc.sql("""
                            insert into degree_programme (institution_id, major_id, name, level, total_credits)
                            values (?, ?, ?, 'JUNIOR_COLLEGE', 120) returning id""")
                    .params(f.institutionA, f.majorA, f.marker + "学历专业").query(Long.class).single();
            f.courseA = jdbc.sql("""
                            insert into academic_course (institution_id, programme_id, code, name, credits, category)
                            values (?, ?, 'A101', ?, 2, 'CORE') returning id""")
                    .params(f.institutionA, f.degreeProgrammeA, f.marker + "课程").query(Long.class).single();
            f.ruleA = jdbc.sql("""
                            insert into conversion_rule (institution_id, institution_name, name, outcome_type,
                                                         certificate_kind, valid_from)
                            values (?, ?, ?, 'CERTIFICATE', 'TRAINING', current_date) returning id""")
                    .params(f.institutionA, f.marker + "职业技术学院", f.marker + "规则").query(Long.class).single();
            jdbc.sql("insert into conversion_rule_course (rule_id, course_id, credits) values (?, ?, 2)")
                    .params(f.ruleA, f.courseA).update();
            long account = jdbc.sql("""
                            insert into learning_account (person_id, number) values (?, ?) returning id""")
                    .params(f.personA, "XX" + f.marker.substring(1, 11)).query(Long.class).single();
            long outcome = jdbc.sql("""
                            insert into learning_outcome (account_id, person_id, kind, source_type, source_id, title,
                                                          institution_id, institution_name, certificate_kind,
                                                          certificate_no, hours, credits, achieved_on)
                            values (?, ?, 'CERTIFICATE', 'CERTIFICATE', ?, ?, ?, ?, 'TRAINING', ?, 24, 1.5, current_date)
                            returning id""")
                    .params(account, f.personA, f.certificateA, f.marker + "证书", f.institutionA,
                            f.marker + "职业技术学院", f.certificateNumberA).query(Long.class).single();
            f.studentA = jdbc.sql("""
                            insert into programme_student (institution_id, programme_id, person_id, student_number, name,
                                                           document_masked, enrolled_on)
                            values (?, ?, ?, ?, ?, '3301**********0000', current_date) returning id""")
                    .params(f.institutionA, f.degreeProgrammeA, f.personA, "S" + f.marker.substring(1, 9),
                            f.personNameA).query(Long.class).single();
            f.applicationA = jdbc.sql("""
                            insert into credit_application (institution_id, person_id, student_id)
                            values (?, ?, ?) returning id""")
                    .params(f.institutionA, f.personA, f.studentA).query(Long.class).single();
            f.lineA = jdbc.sql("""
                            insert into credit_application_line (application_id, institution_id, person_id, outcome_id,
                                                                 rule_id, course_id, credits, exempt)
                            values (?, ?, ?, ?, ?, ?, 2, true) returning id""")
                    .params(f.applicationA, f.institutionA, f.personA, outcome, f.ruleA, f.courseA)
                    .query(Long.class).single();
            f.submissionA = jdbc.sql("""
                            insert into outcome_submission (person_id, person_name, institution_id, kind, title, issuer,
                                                            achieved_on, evidence_name, evidence_type, evidence)
                            values (?, ?, ?, 'COMPETITION', ?, ?, current_date, ?, 'application/pdf', ?) returning id""")
                    .params(f.personA, f.personNameA, f.institutionA, f.marker + "大赛", f.marker + "主办方",
                            f.marker + ".pdf", ("%PDF-1.4 " + f.marker).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .query(Long.class).single();
        });
    }

    static void add(List<Case> cases) {
        get(cases, "/credit-bank/majors", f -> "/credit-bank/majors", ALLOWED, Map.of("q", "{marker-prefix}"));
        get(cases, "/credit-bank/majors/new", f -> "/credit-bank/majors/new", ALLOWED);
        post(cases, "/credit-bank/majors", f -> "/credit-bank/majors", ALLOWED, Map.of("code", "460305",
                "name", "乙专业"));
        get(cases, "/credit-bank/majors/{id}/edit", f -> "/credit-bank/majors/" + f.majorA + "/edit", DENIED);
        post(cases, "/credit-bank/majors/{id}", f -> "/credit-bank/majors/" + f.majorA, DENIED,
                Map.of("code", "9999", "name", "乙改名", "version", "0"));
        get(cases, "/credit-bank/programmes", f -> "/credit-bank/programmes", ALLOWED,
                Map.of("q", "{marker-prefix}"));
        get(cases, "/credit-bank/programmes/new", f -> "/credit-bank/programmes/new", ALLOWED);
        post(cases, "/credit-bank/programmes", f -> "/credit-bank/programmes", ALLOWED,
                Map.of("majorId", "1", "name", "乙学历专业", "level", "JUNIOR_COLLEGE", "totalCredits", "120"));
        get(cases, "/credit-bank/programmes/{id}/edit", f -> "/credit-bank/programmes/" + f.degreeProgrammeA
                + "/edit", DENIED);
        post(cases, "/credit-bank/programmes/{id}", f -> "/credit-bank/programmes/" + f.degreeProgrammeA, DENIED,
                Map.of("name", "乙改名", "level", "JUNIOR_COLLEGE", "totalCredits", "100", "version", "0"));
        get(cases, "/credit-bank/courses", f -> "/credit-bank/courses", ALLOWED, Map.of("q", "{marker-prefix}"));
        get(cases, "/credit-bank/courses/new", f -> "/credit-bank/courses/new", ALLOWED);
        post(cases, "/credit-bank/courses", f -> "/credit-bank/courses", ALLOWED,
                Map.of("code", "B101", "name", "乙课程", "credits", "2", "category", "CORE"));
        get(cases, "/credit-bank/courses/{id}/edit", f -> "/credit-bank/courses/" + f.courseA + "/edit", DENIED);
        post(cases, "/credit-bank/courses/{id}", f -> "/credit-bank/courses/" + f.courseA, DENIED,
                Map.of("code", "B102", "name", "乙改名", "credits", "3", "category", "CORE", "version", "0"));
        get(cases, "/credit-bank/courses/import", f -> "/credit-bank/courses/import", ALLOWED);
        get(cases, "/credit-bank/courses/import/template.xlsx", f -> "/credit-bank/courses/import/template.xlsx",
                ALLOWED);
        post(cases, "/credit-bank/courses/import", f -> "/credit-bank/courses/import", ALLOWED, Map.of());
        post(cases, "/credit-bank/courses/import/confirm", f -> "/credit-bank/courses/import/confirm", ALLOWED,
                Map.of());
        get(cases, "/credit-bank/students", f -> "/credit-bank/students", ALLOWED,
                Map.of("q", "{personName-prefix}"));
        get(cases, "/credit-bank/students/new", f -> "/credit-bank/students/new", ALLOWED);
        post(cases, "/credit-bank/students", f -> "/credit-bank/students", ALLOWED,
                Map.of("studentNumber", "B1", "documentType", "RESIDENT_ID_CARD",
                        "documentNumber", "{personDocumentA}", "name", "乙猜名"));
        get(cases, "/credit-bank/students/{id}/results", f -> "/credit-bank/students/" + f.studentA + "/results",
                DENIED);
        post(cases, "/credit-bank/students/{id}/results", f -> "/credit-bank/students/" + f.studentA + "/results",
                DENIED, Map.of("courseId", "1", "grade", "90", "completedOn", "2026-01-01"));
        get(cases, "/credit-bank/students/import", f -> "/credit-bank/students/import", ALLOWED);
        get(cases, "/credit-bank/students/import/template.xlsx", f -> "/credit-bank/students/import/template.xlsx",
                ALLOWED);
        post(cases, "/credit-bank/students/import", f -> "/credit-bank/students/import", ALLOWED, Map.of());
        post(cases, "/credit-bank/students/import/confirm", f -> "/credit-bank/students/import/confirm", ALLOWED,
                Map.of());
        get(cases, "/credit-bank/rules", f -> "/credit-bank/rules", ALLOWED, Map.of("q", "{marker-prefix}"));
        get(cases, "/credit-bank/rules/new", f -> "/credit-bank/rules/new", ALLOWED);
        post(cases, "/credit-bank/rules", f -> "/credit-bank/rules", ALLOWED, Map.of("name", "乙规则",
                "outcomeType", "CERTIFICATE", "certificateKind", "TRAINING", "validFrom", "2026-01-01"));
        get(cases, "/credit-bank/rules/{id}", f -> "/credit-bank/rules/" + f.ruleA, DENIED);
        get(cases, "/credit-bank/rules/{id}/edit", f -> "/credit-bank/rules/" + f.ruleA + "/edit", DENIED);
        post(cases, "/credit-bank/rules/{id}", f -> "/credit-bank/rules/" + f.ruleA, DENIED,
                Map.of("name", "乙改名", "outcomeType", "CERTIFICATE", "certificateKind", "TRAINING",
                        "validFrom", "2026-01-01", "version", "0"));
        post(cases, "/credit-bank/rules/{id}/publish", f -> "/credit-bank/rules/" + f.ruleA + "/publish", DENIED,
                Map.of("version", "0"));
        post(cases, "/credit-bank/rules/{id}/withdraw", f -> "/credit-bank/rules/" + f.ruleA + "/withdraw", DENIED,
                Map.of("version", "0"));
        get(cases, "/credit-bank/applications", f -> "/credit-bank/applications", ALLOWED,
                Map.of("q", "{personName-prefix}"));
        get(cases, "/credit-bank/applications/{id}", f -> "/credit-bank/applications/" + f.applicationA, DENIED);
        post(cases, "/credit-bank/applications/{id}/lines/{lineId}/accept",
                f -> "/credit-bank/applications/" + f.applicationA + "/lines/" + f.lineA + "/accept", DENIED, Map.of());
        post(cases, "/credit-bank/applications/{id}/lines/{lineId}/reject",
                f -> "/credit-bank/applications/" + f.applicationA + "/lines/" + f.lineA + "/reject", DENIED,
                Map.of("reason", "乙驳回"));
        get(cases, "/credit-bank/applications/export", f -> "/credit-bank/applications/export", ALLOWED,
                Map.of("q", "{personName-prefix}"));
        get(cases, "/credit-bank/submissions", f -> "/credit-bank/submissions", ALLOWED,
                Map.of("q", "{personName-prefix}"));
        get(cases, "/credit-bank/submissions/export", f -> "/credit-bank/submissions/export", ALLOWED,
                Map.of("q", "{marker-prefix}"));
        get(cases, "/credit-bank/submissions/{id}", f -> "/credit-bank/submissions/" + f.submissionA, DENIED);
        get(cases, "/credit-bank/submissions/{id}/evidence", f -> "/credit-bank/submissions/" + f.submissionA
                + "/evidence", DENIED);
        post(cases, "/credit-bank/submissions/{id}/accept", f -> "/credit-bank/submissions/" + f.submissionA
                + "/accept", DENIED, Map.of());
        post(cases, "/credit-bank/submissions/{id}/reject", f -> "/credit-bank/submissions/" + f.submissionA
                + "/reject", DENIED, Map.of("reason", "乙驳回"));
        get(cases, "/credit-bank/statistics", f -> "/credit-bank/statistics", ALLOWED,
                Map.of("q", "{marker-prefix}", "active", "false"));
        get(cases, "/credit-bank/statistics/export", f -> "/credit-bank/statistics/export", ALLOWED,
                Map.of("q", "{marker-prefix}", "active", "false"));
        get(cases, "/credit-bank/statistics/{institutionId}", f -> "/credit-bank/statistics/" + f.institutionA,
                DENIED, Map.of("view", "submissions"));
        get(cases, "/my/outcome-submissions", f -> "/my/outcome-submissions", ALLOWED);
        get(cases, "/my/outcome-submissions/new", f -> "/my/outcome-submissions/new", ALLOWED);
        post(cases, "/my/outcome-submissions", f -> "/my/outcome-submissions", ALLOWED,
                Map.of("institutionId", "{institutionA}", "kind", "COMPETITION", "title", "乙伪造",
                        "issuer", "乙", "achievedOn", "2026-01-01"));
        post(cases, "/my/outcome-submissions/{id}/withdraw", f -> "/my/outcome-submissions/" + f.submissionA
                + "/withdraw", DENIED, Map.of());
        get(cases, "/my/outcome-submissions/{id}/evidence", f -> "/my/outcome-submissions/" + f.submissionA
                + "/evidence", DENIED);
        get(cases, "/my/learning-account", f -> "/my/learning-account", ALLOWED);
        get(cases, "/my/credit-applications/new", f -> "/my/credit-applications/new?student=" + f.studentA, DENIED);
        post(cases, "/my/credit-applications", f -> "/my/credit-applications", DENIED,
                Map.of("student", "{studentA}", "choices", "1:1:1"));
        get(cases, "/my/transcripts/{institutionId}/pdf", f -> "/my/transcripts/" + f.institutionA + "/pdf", DENIED);
        get(cases, "/my/transcripts/{institutionId}/credential",
                f -> "/my/transcripts/" + f.institutionA + "/credential", DENIED);
        get(cases, "/credit-bank/recording-rules", f -> "/credit-bank/recording-rules", ALLOWED);
        post(cases, "/credit-bank/recording-rules", f -> "/credit-bank/recording-rules", DENIED,
                Map.of("kind", "TRAINING", "hoursPerCredit", "1"));
        get(cases, "/public/credit-rules", f -> "/public/credit-rules", ALLOWED, Map.of("q", "{marker-prefix}"));
    }
}
