package org.yuxun.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;

/**
 * Two doors: the browser signs in with a form (session in PostgreSQL, CSRF protection, lockout after repeated
 * failures), the REST API with bearer tokens and no session. Every page needs a signed-in user except the
 * public ones listed here. After signing in, the user returns to the page that asked for it, so a learner who
 * scans a check-in code before signing in is checked in right after.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PAGES = {"/", "/login", "/lang", "/error", "/favicon.ico", "/webjars/**",
            "/css/**", "/js/**", "/img/**", "/actuator/health", "/actuator/health/**", "/public/**", "/verify/**",
            "/.well-known/**", "/credentials/**", "/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/docs",
            "/api/v1/docs/**"};

    /**
     * No observations of Spring Security's filters and authorisation decisions: nothing reads them, and wrapping
     * every filter of the chain in an observation cost more CPU per request than the check-in it guards
     * (docs/benchmarks.md).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Sign-in with the lockout: the provider manager publishes each success and failure, which
     * {@link LoginAttempts} counts.
     */
    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder,
                                                ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts) {
            @Override
            protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                                                                 UserDetails user) {
                CurrentUser current = ((CurrentUser) user).withoutPassword();
                return super.createSuccessAuthentication(current, authentication, current);
            }
        };
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AccountDetailsService accounts) throws Exception {
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/docs",
                                "/api/v1/docs/**", "/api/v1/credentials/verify").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, accounts),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(response,
                                HttpStatus.UNAUTHORIZED, "需要有效的 API 令牌（Authorization: Bearer …）"))
                        .accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
                                "没有执行此操作的权限")));
        return http.build();
    }

    /**
     * The browser's door. A session ends after {@code server.servlet.session.timeout} (30 minutes) without a
     * request; who then opens a page is sent to the sign-in page with word that the session expired.
     */
    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, UserAccounts accounts) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler returnToSavedRequest =
                new SavedRequestAwareAuthenticationSuccessHandler();
        returnToSavedRequest.setDefaultTargetUrl("/home");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            boolean mustChange = authentication.getPrincipal() instanceof CurrentUser user
                                    && DataScope.asSystem(() -> accounts.byId(user.id())
                                            .map(UserAccounts.Account::mustChangePassword).orElse(false));
                            if (mustChange) {
                                PasswordChangeRequired.require(request.getSession());
                                response.sendRedirect(request.getContextPath() + PasswordChangeRequired.PAGE);
                            } else {
                                // back to the page that asked for sign-in (a scanned check-in QR code), else home
                                returnToSavedRequest.onAuthenticationSuccess(request, response, authentication);
                            }
                        })
                        .failureHandler((request, response, ex) -> {
                            String reason = ex instanceof LockedException ? "locked"
                                    : ex instanceof DisabledException ? "disabled" : "bad";
                            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
                        })
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::toSignIn))
                .addFilterBefore(new PasswordChangeRequired(), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline';"
                                        + " script-src 'self' 'unsafe-inline' 'unsafe-eval'; frame-ancestors 'self'"))
                        .frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /**
     * Sends a visitor who is not signed in to the sign-in page, saying so when their session has expired (their
     * browser still names a session the server no longer has). An htmx request is told to load the page whole.
     */
    private static void toSignIn(HttpServletRequest request, HttpServletResponse response,
                                 AuthenticationException exception) throws IOException {
        boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        String target = request.getContextPath() + (expired ? "/login?expired" : "/login");
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        response.sendRedirect(target);
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
