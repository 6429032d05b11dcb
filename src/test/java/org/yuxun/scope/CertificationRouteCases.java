package org.yuxun.scope;

import static org.yuxun.scope.DataScopeTest.Expect.ALLOWED;
import static org.yuxun.scope.DataScopeTest.Expect.DENIED;
import static org.yuxun.scope.RouteCases.get;
import static org.yuxun.scope.RouteCases.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.scope.DataScopeTest.Case;
import org.yuxun.shared.DataScope;

/**
 * Routes of certificates. B searches A's learner, addresses A's certificate and class directly, and tries the
 * public verification page with A's certificate number but not the holder's name, and with a public identifier it
 * guessed (A's own is unguessable and printed only on A's certificate).
 */
final class CertificationRouteCases {

    private CertificationRouteCases() {
    }

    /** A certificate of A's learner, issued by A, whose title carries the marker. */
    static void createCertificateOfA(JdbcClient jdbc, ScopeFixture f) {
        DataScope.asSystem(() -> {
            f.certificateNumberA = "SCOPE" + f.marker.substring(1, 9).toUpperCase() + "-2026-T-000001";
            f.certificateA = jdbc.sql("""
                            insert into certificate (kind, number, issuer_id, issuer_kind, issuer_region, issuer_name,
                                                     institution_id, institution_kind, region_code, person_id,
                                                     holder_name, holder_document_masked, class_id, title, issued_on,
                                                     source)
                            values ('TRAINING', ?, ?, 'HIGHER_VOCATIONAL', '330106', ?, ?, 'HIGHER_VOCATIONAL',
                                    '330106', ?, ?, '3301**********0000', ?, ?, current_date, 'MANUAL')
                            returning id""")
                    .params(f.certificateNumberA, f.institutionA, f.marker + "职业技术学院", f.institutionA, f.personA,
                            f.personNameA, f.classA, f.marker + "证书")
                    .query(Long.class).single();
        });
    }

    static void add(List<Case> cases) {
        get(cases, "/certificates", f -> "/certificates", ALLOWED, Map.of("q", "{personName-prefix}"));
        get(cases, "/certificates/export", f -> "/certificates/export", ALLOWED, Map.of("q", "{personName-prefix}"));
        get(cases, "/certificates/new", f -> "/certificates/new", ALLOWED);
        post(cases, "/certificates", f -> "/certificates", ALLOWED, Map.of("kind", "TRAINING",
                "documentType", "RESIDENT_ID_CARD", "holderDocument", "{personDocumentA}", "holderName", "乙猜名",
                "title", "乙伪造证书"));
        get(cases, "/certificates/{id}", f -> "/certificates/" + f.certificateA, DENIED);
        get(cases, "/certificates/{id}/pdf", f -> "/certificates/" + f.certificateA + "/pdf", DENIED);
        post(cases, "/certificates/{id}/revoke", f -> "/certificates/" + f.certificateA + "/revoke", DENIED,
                Map.of("reason", "乙撤销", "version", "0"));
        get(cases, "/certificates/template", f -> "/certificates/template", ALLOWED);
        post(cases, "/certificates/template", f -> "/certificates/template", ALLOWED,
                Map.of("html", "<div>乙{{holderName}}</div>", "css", "", "version", "-1"));
        post(cases, "/certificates/template/preview", f -> "/certificates/template/preview", ALLOWED, Map.of());
        get(cases, "/classes/{classId}/certificates", f -> "/classes/" + f.classA + "/certificates", DENIED);
        post(cases, "/classes/{classId}/certificates", f -> "/classes/" + f.classA + "/certificates", DENIED,
                Map.of());
        get(cases, "/classes/{classId}/certificates.zip", f -> "/classes/" + f.classA + "/certificates.zip", DENIED);
        get(cases, "/certificates/import", f -> "/certificates/import", ALLOWED);
        get(cases, "/certificates/import/template.xlsx", f -> "/certificates/import/template.xlsx", ALLOWED);
        post(cases, "/certificates/import", f -> "/certificates/import", ALLOWED, Map.of());
        get(cases, "/certificates/import/errors.xlsx", f -> "/certificates/import/errors.xlsx", ALLOWED);
        post(cases, "/certificates/import/confirm", f -> "/certificates/import/confirm", ALLOWED, Map.of());
        get(cases, "/my/certificates", f -> "/my/certificates", ALLOWED);
        get(cases, "/my/certificates/{publicId}/pdf", f -> "/my/certificates/" + UUID.randomUUID() + "/pdf", DENIED);
        get(cases, "/verify", f -> "/verify", ALLOWED, Map.of("number", "{certificateNumberA}", "name", "乙猜名"));
        get(cases, "/verify/{publicId}", f -> "/verify/" + UUID.randomUUID(), ALLOWED);
    }
}
