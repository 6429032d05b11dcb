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
 * Routes of subsidies. A's class has a submitted claim with one learner's line, both carrying the marker; B lists
 * and totals claims, addresses A's claim and line directly, tries to generate a claim for A's class and to review
 * and pay A's claim. Policies are public rules, so none carries a marker.
 */
final class SubsidyRouteCases {

    private SubsidyRouteCases() {
    }

    static void createClaimOfA(JdbcClient jdbc, ScopeFixture f) {
        DataScope.asSystem(() -> {
            f.claimA = jdbc.sql("""
                            insert into subsidy_claim (class_id, institution_id, institution_kind, institution_name,
                                                       region_code, class_name, programme_id, programme_name,
                                                       programme_type, class_start, class_end, status, submit_by,
                                                       review_by, submitted_at)
                            values (?, ?, 'HIGHER_VOCATIONAL', ?, '330106', ?, ?, ?, 'JOB_SKILLS', current_date - 30,
                                    current_date - 10, 'SUBMITTED', current_date + 60, current_date + 20, now())
                            returning id""")
                    .params(f.classA, f.institutionA, f.marker + "职业技术学院", f.marker + "补贴班", f.programmeA,
                            f.marker + "项目")
                    .query(Long.class).single();
            f.claimLineA = jdbc.sql("""
                            insert into subsidy_claim_line (claim_id, institution_id, region_code, enrolment_id,
                                                            person_id, learner_name, document_masked, claim_year,
                                                            completion, amount, eligible, findings, status)
                            values (?, ?, '330106', 0, ?, ?, '3301**********0000', extract(year from current_date),
                                    'COMPLETED', 800, true, ?::text[], 'PENDING')
                            returning id""")
                    .params(f.claimA, f.institutionA, f.personA, f.personNameA, "{" + f.marker + "核查}")
                    .query(Long.class).single();
            f.apprenticeshipA = jdbc.sql("""
                            insert into subsidy_apprenticeship (class_id, enterprise_id, enterprise_name, region_code,
                                                                institution_id, institution_name, class_name,
                                                                programme_name, period_start, period_end, months,
                                                                amount_per_year, advance_share, plan_file_name,
                                                                plan_content_type, plan_storage_key, status)
                            values (?, ?, ?, '330106', ?, ?, ?, ?, current_date - 30, current_date + 700, 24, 5000,
                                    0.5, ?, 'application/pdf', 'missing', 'BALANCE_REQUESTED')
                            returning id""")
                    .params(f.classA, f.enterpriseA, f.marker + "科技有限公司", f.institutionA,
                            f.marker + "职业技术学院", f.marker + "学徒班", f.marker + "项目", f.marker + "计划.pdf")
                    .query(Long.class).single();
            f.apprenticeA = jdbc.sql("""
                            insert into subsidy_apprentice (apprenticeship_id, enterprise_id, region_code,
                                                            enrolment_id, person_id, learner_name, document_masked,
                                                            contract_start, contract_end, contract_file_name,
                                                            contract_content_type, contract_storage_key, advance)
                            values (?, ?, '330106', 0, ?, ?, '3301**********0000', current_date - 60,
                                    current_date + 1000, ?, 'application/pdf', 'missing', 5000)
                            returning id""")
                    .params(f.apprenticeshipA, f.enterpriseA, f.personA, f.personNameA, f.marker + "合同.pdf")
                    .query(Long.class).single();
        });
    }

    static void add(List<Case> cases) {
        get(cases, "/subsidy/policies", f -> "/subsidy/policies", ALLOWED, Map.of("q", "{marker-prefix}"));
        get(cases, "/subsidy/policies/new", f -> "/subsidy/policies/new", DENIED);
        post(cases, "/subsidy/policies", f -> "/subsidy/policies", DENIED, Map.of("name", "乙政策",
                "validFrom", "2026-01-01", "payee", "INSTITUTION", "withCertificate[0]", "100"));
        get(cases, "/subsidy/policies/{id}", f -> "/subsidy/policies/999999999", DENIED);
        get(cases, "/subsidy/policies/{id}/version", f -> "/subsidy/policies/999999999/version", DENIED);
        post(cases, "/subsidy/policies/{id}/version", f -> "/subsidy/policies/999999999/version", DENIED,
                Map.of("name", "乙政策", "validFrom", "2027-01-01", "payee", "INSTITUTION"));
        post(cases, "/subsidy/policies/{id}/retire", f -> "/subsidy/policies/999999999/retire", DENIED,
                Map.of("version", "0"));
        get(cases, "/subsidy/claims", f -> "/subsidy/claims", ALLOWED, Map.of("q", "{marker-prefix}"));
        post(cases, "/subsidy/claims", f -> "/subsidy/claims", DENIED, Map.of("classId", "{classA}"));
        get(cases, "/subsidy/claims/{id}", f -> "/subsidy/claims/" + f.claimA, DENIED);
        get(cases, "/subsidy/claims/{id}/export", f -> "/subsidy/claims/" + f.claimA + "/export", DENIED);
        post(cases, "/subsidy/claims/{id}/regenerate", f -> "/subsidy/claims/" + f.claimA + "/regenerate", DENIED,
                Map.of());
        post(cases, "/subsidy/claims/{id}/submit", f -> "/subsidy/claims/" + f.claimA + "/submit", DENIED,
                Map.of("version", "0"));
        post(cases, "/subsidy/claims/{id}/lines/{lineId}",
                f -> "/subsidy/claims/" + f.claimA + "/lines/" + f.claimLineA, DENIED,
                Map.of("decision", "REJECT", "reason", "乙驳回"));
        post(cases, "/subsidy/claims/{id}/approve-pending", f -> "/subsidy/claims/" + f.claimA + "/approve-pending",
                DENIED, Map.of());
        post(cases, "/subsidy/claims/{id}/complete-review", f -> "/subsidy/claims/" + f.claimA + "/complete-review",
                DENIED, Map.of("version", "0"));
        post(cases, "/subsidy/claims/{id}/payment", f -> "/subsidy/claims/" + f.claimA + "/payment", DENIED,
                Map.of("version", "0", "paidOn", "2026-12-01", "reference", "乙付款"));
        get(cases, "/subsidy/apprenticeships", f -> "/subsidy/apprenticeships", DENIED,
                Map.of("q", "{marker-prefix}"));
        get(cases, "/subsidy/apprenticeships/export", f -> "/subsidy/apprenticeships/export", DENIED);
        get(cases, "/subsidy/apprenticeships/new", f -> "/subsidy/apprenticeships/new", DENIED,
                Map.of("classId", "{classA}"));
        post(cases, "/subsidy/apprenticeships", f -> "/subsidy/apprenticeships", DENIED,
                Map.of("classId", "{classA}"));
        get(cases, "/subsidy/apprenticeships/{id}", f -> "/subsidy/apprenticeships/" + f.apprenticeshipA, DENIED);
        get(cases, "/subsidy/apprenticeships/{id}/plan", f -> "/subsidy/apprenticeships/" + f.apprenticeshipA
                + "/plan", DENIED);
        get(cases, "/subsidy/apprenticeships/{id}/apprentices/{apprenticeId}/contract",
                f -> "/subsidy/apprenticeships/" + f.apprenticeshipA + "/apprentices/" + f.apprenticeA + "/contract",
                DENIED);
        post(cases, "/subsidy/apprenticeships/{id}/approve", f -> "/subsidy/apprenticeships/" + f.apprenticeshipA
                + "/approve", DENIED, Map.of("version", "0"));
        post(cases, "/subsidy/apprenticeships/{id}/return", f -> "/subsidy/apprenticeships/" + f.apprenticeshipA
                + "/return", DENIED, Map.of("version", "0", "reason", "乙退回"));
        post(cases, "/subsidy/apprenticeships/{id}/balance", f -> "/subsidy/apprenticeships/" + f.apprenticeshipA
                + "/balance", DENIED, Map.of("version", "0", "invoice", "乙发票"));
        post(cases, "/subsidy/apprenticeships/{id}/balance/approve",
                f -> "/subsidy/apprenticeships/" + f.apprenticeshipA + "/balance/approve", DENIED,
                Map.of("version", "0"));
        post(cases, "/subsidy/apprenticeships/{id}/returned",
                f -> "/subsidy/apprenticeships/" + f.apprenticeshipA + "/returned", DENIED,
                Map.of("returnedOn", "2026-12-01", "reference", "乙退回凭证"));
        get(cases, "/subsidy/totals", f -> "/subsidy/totals", ALLOWED);
        get(cases, "/subsidy/totals/export", f -> "/subsidy/totals/export", ALLOWED, Map.of("by", "PROGRAMME"));
    }
}
