package org.yuxun.credentials.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.yuxun.credentials.CredentialCheck;
import org.yuxun.credentials.Credentials;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verification for anyone who is shown a credential (an employer, another institution, a provincial platform):
 * no token needed. A genuine credential gets a {@link CredentialCheck} (200) whatever its status; input that is
 * not a vc+jwt at all gets a 400 problem that says so.
 */
@RestController
@Tag(name = "credentials", description = "可验证凭证（W3C VC 2.0 / Open Badges 3.0）")
class VerificationApi {

    private final Credentials credentials;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    VerificationApi(Credentials credentials, MessageSource messages) {
        this.credentials = credentials;
        this.messages = messages;
    }

    /** The request body: the compact JWT itself as text, or {@code {"credential": "<jwt>"}}. */
    record VerifyRequest(@Schema(description = "紧凑格式的 vc+jwt") String credential) {
    }

    @PostMapping(path = "/api/v1/credentials/verify", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "验证一份可验证凭证：签名（对照公开的 JWKS）、签发机构、吊销状态、有效期",
            description = "请求体为紧凑格式的 vc+jwt（text/plain），或 JSON {\"credential\": \"<jwt>\"}。"
                    + "凭证真实时返回 200 与验证结论（VALID、REVOKED、EXPIRED、NOT_YET_VALID），"
                    + "签名不符或密钥未知时也返回 200 并说明原因；不是凭证格式的输入返回 400。",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"),
                            examples = @ExampleObject("eyJraWQiOiIxLXYxIiwidHlwIjoidmMrand0IiwiYWxnIjoiRVMyNTYifQ…")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = VerifyRequest.class))}),
            responses = {
                    @ApiResponse(responseCode = "200", description = "验证结论",
                            content = @Content(schema = @Schema(implementation = CredentialCheck.class))),
                    @ApiResponse(responseCode = "400", description = "输入不是 vc+jwt 凭证",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    ResponseEntity<?> verify(@RequestBody(required = false) String body,
                             @RequestHeader(name = "Content-Type", required = false) String contentType) {
        String jwt = body == null ? null : body.trim();
        if (jwt != null && contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            jwt = fromJson(jwt);
        }
        CredentialCheck check = credentials.verify(jwt);
        if (check.status() == CredentialCheck.Status.MALFORMED) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, check.message());
            problem.setTitle(messages.getMessage("credentials.verify.badRequest", null,
                    LocaleContextHolder.getLocale()));
            problem.setProperty("valid", false);
            problem.setProperty("status", check.status().name());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(check);
    }

    /** The {@code credential} member of a JSON body; {@code null} when the body is not such an object. */
    private String fromJson(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode credential = node == null ? null : node.get("credential");
            return credential != null && credential.isString() ? credential.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
