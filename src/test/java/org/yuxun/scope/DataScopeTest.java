package org.yuxun.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.yuxun.IntegrationTest;
import org.yuxun.credentials.AchievementClaim;
import org.yuxun.credentials.Credentials;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.people.OrgRef;
import org.yuxun.people.OrgRelation;
import org.yuxun.people.PersonRegistry;
import org.yuxun.people.RegisterPerson;
import org.yuxun.people.Relation;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.DocumentType;
import org.yuxun.shared.IdentityNumber;
import org.yuxun.shared.web.DirectRoute;

/**
 * The data-scope test of DESIGN.md: it lists every route the application serves and fails on any route it has no
 * case for. It runs as the administrator of institution B (another region) against the records of institution A,
 * each of which carries a unique marker: no response B receives — HTML, JSON, Excel, ZIP — may contain a marker;
 * B's requests for A's records end in 403 or 404; B's writes to A's records leave A's rows unchanged. The same
 * routes are also called without signing in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeTest {

    /** What a route must do when B calls it. */
    enum Expect {
        /** Public by design or B's own: any answer but a server error, and no marker. */
        ALLOWED,
        /** A's record addressed directly: 403 or 404, and no marker. */
        DENIED
    }

    record Case(HttpMethod method, String pattern, Function<ScopeFixture, String> path, Expect expect,
                Map<String, String> params) {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ApplicationContext context;

    ScopeFixture fixture;
    List<Case> cases;

    @Autowired
    PersonRegistry persons;

    @BeforeAll
    void createFixture() {
        fixture = new ScopeFixture(jdbc).create(passwords);
        registerPersonOfA();
        issueCredentialOfA();
        cases = RouteCases.all();
    }

    /** A learner of institution A, enrolled in A's class, whose name is a second marker. */
    private void registerPersonOfA() {
        String digits = "零一二三四五六七八九";
        StringBuilder name = new StringBuilder("甲");
        String hex = fixture.marker.substring(1, 7);
        for (char c : hex.toCharArray()) {
            name.append(digits.charAt(Character.digit(c, 16) % 10));
        }
        fixture.personNameA = name.toString();
        String body = "330106" + (1970 + Math.floorMod(hex.hashCode(), 30)) + "0101"
                + String.format("%03d", Math.floorMod(fixture.marker.hashCode(), 1000));
        fixture.personDocumentA = body + IdentityNumber.checkCharacter(body);
        fixture.personA = DataScope.asSystem(() -> persons.register(
                new RegisterPerson(DocumentType.RESIDENT_ID_CARD, fixture.personDocumentA, fixture.personNameA,
                        "13912345678"),
                new OrgRelation(new OrgRef(OrgRef.Kind.INSTITUTION, fixture.institutionA), Relation.LEARNER)).id());
        DataScope.asSystem(() -> jdbc.sql("""
                        insert into enrolment (class_id, institution_id, institution_kind, region_code, subsidised,
                                               person_id, source)
                        values (?, ?, 'HIGHER_VOCATIONAL', '330106', false, ?, 'STAFF')""")
                .params(fixture.classA, fixture.institutionA, fixture.personA).update());
        CertificationRouteCases.createCertificateOfA(jdbc, fixture);
        SubsidyRouteCases.createClaimOfA(jdbc, fixture);
        CreditBankRouteCases.createRecordsOfA(jdbc, fixture);
    }

    @Autowired
    Credentials credentials;

    /**
     * A signed credential of A's learner, so A has a signing key and a status list: the public JWKS and status
     * list must not name A's records, and B cannot rotate A's key.
     */
    private void issueCredentialOfA() {
        credentials.issue(new AchievementClaim(UUID.randomUUID(), fixture.institutionA, fixture.marker + "学院",
                fixture.personNameA, fixture.personDocumentA, fixture.marker + "证书", "完成培训。", "Certificate",
                fixture.marker + "-1", null, null, Instant.parse("2026-11-01T00:00:00Z"), null));
    }

    @Test
    void everyRouteHasACase() {
        Set<String> covered = new TreeSet<>();
        cases.forEach(c -> covered.add(c.method() + " " + c.pattern()));
        Set<String> uncovered = new TreeSet<>(routes());
        uncovered.removeAll(covered);
        assertThat(uncovered).as("routes without a data-scope case: add them to RouteCases").isEmpty();
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(routes());
        assertThat(stale).as("cases for routes the application no longer serves").isEmpty();
    }

    @Test
    void userOfInstitutionBNeverReceivesInstitutionAsRecords() throws Exception {
        CurrentUser b = accounts.load(fixture.usernameB);
        var before = fixture.snapshotOfA();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            MockHttpServletResponse response = mvc.perform(build(c).with(user(b)).with(csrf())).andReturn()
                    .getResponse();
            check(c, response, "as B", failures);
        }
        assertThat(failures).isEmpty();
        assertThat(fixture.snapshotOfA()).as("A's rows after B's requests").isEqualTo(before);
    }

    @Test
    void nobodySignedInReceivesInstitutionAsRecords() throws Exception {
        var before = fixture.snapshotOfA();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            MockHttpServletResponse response = mvc.perform(build(c).with(csrf())).andReturn().getResponse();
            String text = ResponseText.of(response.getContentAsByteArray());
            if (text.contains(fixture.marker) || text.contains(fixture.personNameA)) {
                failures.add(c.method() + " " + c.pattern() + " anonymously: marker of A in the response");
            }
            if (response.getStatus() >= 500) {
                failures.add(c.method() + " " + c.pattern() + " anonymously: status " + response.getStatus());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(fixture.snapshotOfA()).isEqualTo(before);
    }

    private void check(Case c, MockHttpServletResponse response, String who, List<String> failures) {
        String route = c.method() + " " + c.pattern() + " " + who;
        String text = ResponseText.of(response.getContentAsByteArray());
        if (text.contains(fixture.marker) || text.contains(fixture.personNameA)) {
            failures.add(route + ": marker of A in the response (status " + response.getStatus() + ")");
        }
        int status = response.getStatus();
        if (status >= 500) {
            failures.add(route + ": status " + status);
        }
        if (c.expect() == Expect.DENIED && status != 403 && status != 404) {
            failures.add(route + ": expected 403 or 404 but was " + status);
        }
    }

    private MockHttpServletRequestBuilder build(Case c) {
        MockHttpServletRequestBuilder builder = request(c.method(), c.path().apply(fixture));
        c.params().forEach((name, value) -> {
            if (!name.equals("_json")) {
                builder.param(name, value.replace("{marker-prefix}", fixture.marker.substring(0, 8))
                        .replace("{sessionA}", String.valueOf(fixture.sessionA))
                        .replace("{classA}", String.valueOf(fixture.classA))
                        .replace("{institutionA}", String.valueOf(fixture.institutionA))
                        .replace("{personName-prefix}", fixture.personNameA.substring(0, 3))
                        .replace("{personDocumentA}", fixture.personDocumentA)
                        .replace("{certificateNumberA}", fixture.certificateNumberA)
                        .replace("{studentA}", String.valueOf(fixture.studentA)));
            }
        });
        if (c.pattern().startsWith("/api/")) {
            builder.accept(MediaType.APPLICATION_JSON);
            if (c.method() == HttpMethod.POST || c.method() == HttpMethod.PUT) {
                builder.contentType(MediaType.APPLICATION_JSON).content(c.params().getOrDefault("_json", "{}")
                        .replace("{personDocumentA}", fixture.personDocumentA)
                        .replace("{certificateNumberA}", fixture.certificateNumberA));
            }
        }
        return builder;
    }

    /** Every (method, path pattern) any handler mapping or direct route of the application serves. */
    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (FilterRegistrationBean<?> registration : context.getBeansOfType(FilterRegistrationBean.class).values()) {
            if (registration.isEnabled() && registration.getFilter() instanceof DirectRoute route) {
                routes.add(route.method() + " " + route.path());
            }
        }
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        routes.add("GET " + pattern);
                    }
                    methods.forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        }
        return routes;
    }
}
