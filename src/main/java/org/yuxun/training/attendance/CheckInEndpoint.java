package org.yuxun.training.attendance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.web.DirectRoute;

/**
 * {@code GET /m/check-in?t=<code>}: the learner's phone page the QR code opens. It is the one request every learner
 * of a class makes within the same minute, so it is answered by this filter, placed after Spring Security's, rather
 * than by the MVC dispatcher, whose own work for it — resolving the arguments, negotiating the content type,
 * converting the returned body — was a fifth of the request's CPU (docs/benchmarks.md, check-in). Security is
 * unchanged: signing in is required (Spring Security brings the learner back to this address after the sign-in
 * page), the password-change rule and the response headers apply, and the person checked in is the signed-in one.
 * The device cookie is set on the first visit and kept for two years: with the user agent it makes the fingerprint
 * stored with every check-in. {@code ?lang=} switches the language as on every other page. {@code HEAD} is answered
 * as the page's headers would be, without checking in: a link preview or a browser's prefetch records nothing.
 */
final class CheckInEndpoint extends OncePerRequestFilter implements DirectRoute {

    static final String PATH = "/m/check-in";
    static final String DEVICE_COOKIE = "yx_device";

    private static final Pattern DEVICE_ID = Pattern.compile("[0-9a-f-]{36}");

    private final CheckIns checkIns;
    private final CheckInPage page;
    private final LocaleResolver locales;

    CheckInEndpoint(CheckIns checkIns, MessageSource messages, LocaleResolver locales) {
        this.checkIns = checkIns;
        this.page = new CheckInPage(messages);
        this.locales = locales;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return PATH;
    }

    /** Other methods go on to the dispatcher, which answers them as for any path it does not serve. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            chain.doFilter(request, response); // not reached: the security filters ask for signing in first
            return;
        }
        if ("HEAD".equals(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/html;charset=UTF-8");
            return;
        }
        Locale locale = locale(request, response);
        Cookie deviceCookie = WebUtils.getCookie(request, DEVICE_COOKIE);
        String device = deviceCookie == null ? null : deviceCookie.getValue();
        if (device == null || !DEVICE_ID.matcher(device).matches()) {
            device = UUID.randomUUID().toString();
            response.addHeader("Set-Cookie", ResponseCookie.from(DEVICE_COOKIE, device).path("/")
                    .maxAge(Duration.ofDays(730)).httpOnly(true).sameSite("Lax").build().toString());
        }
        String userAgent = request.getHeader("User-Agent");
        Device from = new Device(fingerprint(device, userAgent), request.getRemoteAddr(), userAgent);
        String contextPath = request.getContextPath();
        byte[] body;
        int status;
        try {
            CheckIns.CheckedIn done = checkIns.checkIn(request.getParameter("t"), expectedSession(request),
                    learnerPerson(user), from);
            body = page.recorded(locale, contextPath, user.displayName(), done);
            status = HttpServletResponse.SC_OK;
        } catch (CheckInRefused refused) {
            body = page.refused(locale, contextPath, user.displayName(), refused.reason());
            status = refused.reason() == CheckInRefused.Reason.ALREADY ? HttpServletResponse.SC_OK : 422;
        }
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The session the learner's page names, if it names one; a value that is no session id names none there is. */
    private static Long expectedSession(HttpServletRequest request) {
        String value = request.getParameter("session");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private Locale locale(HttpServletRequest request, HttpServletResponse response) {
        String asked = request.getParameter("lang");
        if (asked != null) {
            try {
                Locale chosen = StringUtils.parseLocale(asked);
                if (chosen != null) {
                    locales.setLocale(request, response, chosen);
                    return chosen;
                }
            } catch (IllegalArgumentException ignored) {
                // as LocaleChangeInterceptor with ignoreInvalidLocale: an unknown language changes nothing
            }
        }
        return locales.resolveLocale(request);
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
        return user.dataScope().kind() == DataScope.Kind.LEARNER ? user.dataScope().personId() : null;
    }
}
