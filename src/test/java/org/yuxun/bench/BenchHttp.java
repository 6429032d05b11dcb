package org.yuxun.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP for the benchmark suite against the running application on this machine: one shared client (HTTP/1.1,
 * kept-alive connections, no redirects followed) and real browser sign-ins through the login form, so the
 * measured requests carry real session cookies through the whole security filter chain.
 */
public final class BenchHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    private final HttpClient client;
    private final String base;

    public BenchHttp(int port) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.base = "http://localhost:" + port;
    }

    public URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    public HttpResponse<String> get(String pathAndQuery, String cookies, String userAgent)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET()
                .header("User-Agent", userAgent).timeout(Duration.ofSeconds(60));
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Signs in through the login form as a browser would (login page for the CSRF token, then the form post).
     *
     * @return the {@code SESSION} cookie of the signed-in session
     */
    public String signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login", null, "bench");
        Matcher csrf = CSRF.matcher(page.body());
        String session = session(page.headers().allValues("Set-Cookie"));
        if (!csrf.find() || session == null) {
            throw new IllegalStateException("login page without CSRF token or session: " + page.statusCode());
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1));
        HttpResponse<String> done = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "SESSION=" + session).header("User-Agent", "bench")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String signedIn = session(done.headers().allValues("Set-Cookie"));
        String location = done.headers().firstValue("Location").orElse("");
        if (done.statusCode() != 302 || location.contains("error") || signedIn == null) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + done.statusCode() + " "
                    + location);
        }
        return signedIn;
    }

    private static String session(List<String> setCookies) {
        for (String cookie : setCookies) {
            Matcher m = SESSION.matcher(cookie);
            if (m.find() && !m.group(1).isEmpty()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
