package org.yuxun.training.attendance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yuxun.identity.CurrentUser;

/**
 * The learner's phone page the QR code opens. Signing in is required (Spring Security brings the learner back to
 * this address after the login page), and the person checked in is the signed-in one. The device cookie is set on
 * the first visit and kept for two years: with the user agent it makes the fingerprint stored with every check-in.
 */
@Controller
class CheckInController {

    static final String DEVICE_COOKIE = "yx_device";

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final Pattern DEVICE_ID = Pattern.compile("[0-9a-f-]{36}");

    private final CheckIns checkIns;
    private final CheckInPage page;

    CheckInController(CheckIns checkIns, MessageSource messages) {
        this.checkIns = checkIns;
        this.page = new CheckInPage(messages);
    }

    @GetMapping("/m/check-in")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<String> checkIn(@RequestParam(name = "t", required = false) String token,
                                   @RequestParam(name = "session", required = false) Long session,
                                   @CookieValue(name = DEVICE_COOKIE, required = false) String deviceCookie,
                                   @AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                                   HttpServletResponse response, Locale locale) {
        String device = deviceCookie;
        if (device == null || !DEVICE_ID.matcher(device).matches()) {
            device = UUID.randomUUID().toString();
            response.addHeader("Set-Cookie", ResponseCookie.from(DEVICE_COOKIE, device).path("/")
                    .maxAge(Duration.ofDays(730)).httpOnly(true).sameSite("Lax").build().toString());
        }
        String userAgent = request.getHeader("User-Agent");
        Device from = new Device(fingerprint(device, userAgent), request.getRemoteAddr(), userAgent);
        String contextPath = request.getContextPath();
        try {
            CheckIns.CheckedIn done = checkIns.checkIn(token, session, learnerPerson(user), from);
            return html(200, page.recorded(locale, contextPath, user.displayName(), done));
        } catch (CheckInRefused refused) {
            int status = refused.reason() == CheckInRefused.Reason.ALREADY ? 200 : 422;
            return html(status, page.refused(locale, contextPath, user.displayName(), refused.reason()));
        }
    }

    private static ResponseEntity<String> html(int status, String body) {
        return ResponseEntity.status(status).contentType(HTML).body(body);
    }

    static String fingerprint(String device, String userAgent) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(device.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update((userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only a learner account checks in, and only as its own person: staff accounts with a person record do not. */
    private static Long learnerPerson(CurrentUser user) {
        return user.dataScope().kind() == org.yuxun.shared.DataScope.Kind.LEARNER ? user.dataScope().personId() : null;
    }
}
