package org.yuxun.scope;

import static org.yuxun.scope.DataScopeTest.Expect.ALLOWED;
import static org.yuxun.scope.DataScopeTest.Expect.DENIED;
import static org.yuxun.scope.RouteCases.get;
import static org.yuxun.scope.RouteCases.post;

import java.util.List;
import java.util.Map;

import org.yuxun.scope.DataScopeTest.Case;

/**
 * Routes of the signed credentials. The JWKS, credentials by their random id, status lists and verification are
 * public by design and carry no names of anyone's records but the credential's own; signing keys are staff-only
 * and B reaches only B's own institution's key.
 */
final class CredentialRouteCases {

    /** A credential id nobody was issued: found by nobody. */
    private static final String UNKNOWN_CREDENTIAL = "0b8e4c6e-3f1a-4d52-9a70-2a1f5c3e9d11";

    private CredentialRouteCases() {
    }

    static void add(List<Case> cases) {
        get(cases, "/.well-known/jwks.json", f -> "/.well-known/jwks.json", ALLOWED);
        get(cases, "/credentials/{credentialId}.jwt", f -> "/credentials/" + UNKNOWN_CREDENTIAL + ".jwt", DENIED);
        get(cases, "/credentials/{credentialId}.json", f -> "/credentials/" + UNKNOWN_CREDENTIAL + ".json",
                DENIED);
        get(cases, "/credentials/status/{issuerId}", f -> "/credentials/status/" + f.institutionA, ALLOWED);
        post(cases, "/api/v1/credentials/verify", f -> "/api/v1/credentials/verify", ALLOWED,
                Map.of("_json", "{\"credential\":\"eyJhbGciOiJub25lIn0.e30.\"}"));
        get(cases, "/signing-keys", f -> "/signing-keys", ALLOWED);
        post(cases, "/signing-keys/{issuerId}/rotate", f -> "/signing-keys/" + f.institutionA + "/rotate", DENIED,
                Map.of());
    }
}
