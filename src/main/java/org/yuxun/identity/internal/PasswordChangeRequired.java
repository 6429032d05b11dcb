package org.yuxun.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a user whose password someone else set (a new account, a reset) on the change-password page until they
 * have chosen their own: the administrator who typed the password must not be able to use the account. The mark
 * is put on the session at sign-in and taken off when the password is changed.
 */
public class PasswordChangeRequired extends OncePerRequestFilter {

    static final String ATTRIBUTE = PasswordChangeRequired.class.getName();
    static final String PAGE = "/account/password";

    private static final String[] ALWAYS_ALLOWED = {PAGE, "/logout", "/login", "/error", "/lang", "/favicon.ico",
            "/css/", "/js/", "/img/", "/webjars/"};

    /** Marks the session: every page but the change-password page leads there. */
    static void require(HttpSession session) {
        session.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    /** Whether the session carries the mark. */
    public static boolean isRequired(HttpSession session) {
        return session != null && session.getAttribute(ATTRIBUTE) != null;
    }

    /** Removes the mark once the user has chosen their own password. */
    public static void satisfied(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the allowed paths first: static files then never load the session from the database
        if (!allowed(request) && isRequired(request.getSession(false))) {
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String allowed : ALWAYS_ALLOWED) {
            if (allowed.endsWith("/") ? path.startsWith(allowed) : path.equals(allowed)) {
                return true;
            }
        }
        return false;
    }
}
