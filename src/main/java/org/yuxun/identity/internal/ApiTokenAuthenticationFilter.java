package org.yuxun.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yuxun.identity.CurrentUser;

/** Authenticates {@code Authorization: Bearer yx_…} requests to the REST API. */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AccountDetailsService accounts;

    ApiTokenAuthenticationFilter(ApiTokens tokens, AccountDetailsService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.ownerOf(header.substring(7).trim())
                    .map(accounts::reload)
                    .filter(user -> user.isEnabled() && user.isAccountNonLocked())
                    .ifPresent(user -> {
                        CurrentUser principal = user.withoutPassword();
                        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                                principal.getAuthorities());
                        SecurityContextHolder.getContext().setAuthentication(authentication);
                    });
        }
        chain.doFilter(request, response);
    }
}
