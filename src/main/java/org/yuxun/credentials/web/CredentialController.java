package org.yuxun.credentials.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yuxun.credentials.Credentials;
import org.yuxun.credentials.SigningKeyManagement;
import org.yuxun.shared.NotFound;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public side of the credentials, for wallets and verifiers (no sign-in): the JWKS, each credential as
 * vc+jwt and as a JSON download, and each issuer's signed status list. A credential is reachable only by its
 * random id, which the certificate prints; an unknown or ill-formed id is simply not found.
 */
@RestController
class CredentialController {

    static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");
    static final MediaType VC = MediaType.parseMediaType("application/vc");

    private final Credentials credentials;
    private final SigningKeyManagement signingKeys;
    private final JsonMapper json = JsonMapper.builder().build();

    CredentialController(Credentials credentials, SigningKeyManagement signingKeys) {
        this.credentials = credentials;
        this.signingKeys = signingKeys;
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<String> jwks() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache())
                .body(signingKeys.jwks());
    }

    @GetMapping("/credentials/{credentialId}.jwt")
    ResponseEntity<String> jwt(@PathVariable String credentialId) {
        return ResponseEntity.ok().contentType(VC_JWT).body(stored(credentialId));
    }

    /** The credential decoded from its JWT, as a file to keep or hand to a wallet that takes plain JSON. */
    @GetMapping("/credentials/{credentialId}.json")
    ResponseEntity<String> json(@PathVariable String credentialId) {
        String jwt = stored(credentialId);
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(payload));
        return ResponseEntity.ok().contentType(VC)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("credential-" + credentialId + ".json").build().toString())
                .body(pretty);
    }

    @GetMapping("/credentials/status/{issuerId}")
    ResponseEntity<String> statusList(@PathVariable long issuerId) {
        return ResponseEntity.ok().contentType(VC_JWT).cacheControl(CacheControl.noCache())
                .body(credentials.statusList(issuerId).orElseThrow(() -> new NotFound("status list", issuerId)));
    }

    private String stored(String credentialId) {
        UUID id;
        try {
            id = UUID.fromString(credentialId);
        } catch (IllegalArgumentException e) {
            throw new NotFound("credential", "?");
        }
        return credentials.jwt(id).orElseThrow(() -> new NotFound("credential", credentialId));
    }
}
