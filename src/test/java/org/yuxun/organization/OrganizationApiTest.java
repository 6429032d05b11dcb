package org.yuxun.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.internal.ApiTokens;
import org.yuxun.shared.DataScope;

@IntegrationTest
class OrganizationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    OrganizationFixtures fixtures;
    long college;
    long techSchool;
    long hangzhouEducation;
    long smartManufacturing;

    @BeforeEach
    void demoOrganisations() {
        fixtures = new OrganizationFixtures(jdbc);
        college = fixtures.institution("浙江育训职业技术学院");
        techSchool = fixtures.institution("杭州市高级技工学校");
        hangzhouEducation = fixtures.authority("杭州市教育局");
        smartManufacturing = fixtures.enterprise("杭州智造装备有限公司");
    }

    @Test
    void theOpenApiDocumentDescribesTheOrganisationEndpointsAndTheBearerScheme() throws Exception {
        mvc.perform(get("/api/v1/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("育训 Yuxun API"))
                .andExpect(jsonPath("$.paths['/api/v1/regions'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/authorities'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/institutions'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/institutions'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/institutions/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/institutions/{id}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/enterprises'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/enterprises/{id}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/venues'].get").exists())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.security[0].bearer").exists());
    }

    @Test
    void theInteractiveDocumentationIsServedWithoutAToken() throws Exception {
        String location = "/api/v1/docs";
        MockHttpServletResponse response = mvc.perform(get(location)).andReturn().getResponse();
        for (int hops = 0; hops < 3 && response.getRedirectedUrl() != null; hops++) {
            location = response.getRedirectedUrl();
            assertThat(location).startsWith("/api/v1/docs/");
            response = mvc.perform(get(location)).andReturn().getResponse();
        }
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("swagger-ui");
        String folder = location.substring(0, location.lastIndexOf('/') + 1);
        mvc.perform(get(folder + "swagger-ui-bundle.js")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/openapi/swagger-config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("/api/v1/openapi"));
    }

    @Test
    void callsWithoutATokenAreRefusedAsProblems() throws Exception {
        mvc.perform(get("/api/v1/institutions"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aBearerTokenActsWithItsOwnersPermissionsAndScope() throws Exception {
        long owner = accounts.load("nb-college").id();
        String token = DataScope.asSystem(() -> tokens.issue(owner, "接口测试" + OrganizationFixtures.unique(), null))
                .token();
        mvc.perform(get("/api/v1/institutions").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("宁波海港职业技术学院"))
                .andExpect(jsonPath("$.items[0].contactPhone").exists())
                .andExpect(jsonPath("$.items[0].masked").doesNotExist());
        mvc.perform(get("/api/v1/institutions/{id}", college).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/institutions").header("Authorization", "Bearer yx_not-a-token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void regionsAreListedByParentAndFoundByName() throws Exception {
        mvc.perform(get("/api/v1/regions").param("parent", "330100").param("size", "200")
                        .with(user(accounts.load("teacher"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", hasItem("330106")))
                .andExpect(jsonPath("$.items[*].parentCode", everyItem(org.hamcrest.Matchers.is("330100"))));
        mvc.perform(get("/api/v1/regions").param("q", "西湖区").with(user(accounts.load("teacher"))))
                .andExpect(jsonPath("$.items[*].fullName", hasItem("浙江省 杭州市 西湖区")));
        mvc.perform(get("/api/v1/regions").with(user(accounts.load("teacher"))))
                .andExpect(jsonPath("$.total").value(34));
    }

    @Test
    void authoritiesAreListedWithPaging() throws Exception {
        mvc.perform(get("/api/v1/authorities").param("kind", "EDUCATION").param("size", "2")
                        .with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[*].kind", everyItem(org.hamcrest.Matchers.is("EDUCATION"))));
    }

    @Test
    void institutionsAreListedInTheCallersScopeOnly() throws Exception {
        mvc.perform(get("/api/v1/institutions").with(user(accounts.load("nb-college"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("宁波海港职业技术学院"));
        mvc.perform(get("/api/v1/institutions/{id}", college).with(user(accounts.load("nb-college"))))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("浙江育训"))));
        mvc.perform(get("/api/v1/institutions/{id}", techSchool).with(user(accounts.load("zj-edu"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/institutions/{id}", techSchool).with(user(accounts.load("zj-hrss"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("SENIOR_TECHNICAL_SCHOOL"));
        mvc.perform(get("/api/v1/institutions").param("region", "330200").with(user(accounts.load("zj-edu"))))
                .andExpect(jsonPath("$.items[*].regionCode", everyItem(startsWith("3302"))));
    }

    @Test
    void anOfficerRegistersAndUpdatesAnInstitution() throws Exception {
        String name = "接口测试职业学院" + OrganizationFixtures.unique();
        String location = mvc.perform(json(post("/api/v1/institutions"), "zj-edu", college(name, "")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/institutions/")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.supervisingAuthorityName").value("杭州市教育局"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(json(put(location), "zj-edu", college(name, ", \"address\": \"转塘街道\", \"version\": 0")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("转塘街道"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(put(location), "zj-edu", college(name, ", \"address\": \"过期\", \"version\": 0")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void badInputIsAProblemWithFieldErrorsNeverAServerError() throws Exception {
        mvc.perform(json(post("/api/v1/institutions"), "admin", "{\"name\": \"坏的 JSON\""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("JSON")));
        mvc.perform(json(post("/api/v1/institutions"), "admin",
                        "{\"name\": \"枚举测试\", \"kind\": \"UNIVERSITY\", \"regionCode\": \"330106\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("HIGHER_VOCATIONAL")));
        mvc.perform(json(post("/api/v1/institutions"), "admin",
                        "{\"name\": \"类型测试\", \"supervisingAuthorityId\": \"杭州\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supervisingAuthorityId"));
        String wrong = OrganizationFixtures.withWrongCheckCharacter(OrganizationFixtures.creditCode("330106"));
        mvc.perform(json(post("/api/v1/institutions"), "admin",
                        college("校验位接口测试" + OrganizationFixtures.unique(), ", \"creditCode\": \"" + wrong + "\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"))
                .andExpect(jsonPath("$.errors[0].message").value("统一社会信用代码校验位不正确，请核对。"));
        mvc.perform(get("/api/v1/institutions").param("size", "500").with(user(accounts.load("admin"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/institutions").param("kind", "UNIVERSITY").with(user(accounts.load("admin"))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/enterprises").param("region", "339999").with(user(accounts.load("admin"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("region"));
    }

    @Test
    void anEducationOfficerCannotRegisterATechnicalSchoolThroughTheApi() throws Exception {
        String name = "接口越权技工学校" + OrganizationFixtures.unique();
        long hangzhouHrss = fixtures.authority("杭州市人力资源和社会保障局");
        mvc.perform(json(post("/api/v1/institutions"), "zj-edu", """
                        {"name": "%s", "kind": "TECHNICAL_SCHOOL", "regionCode": "330106",
                         "supervisingAuthorityId": %d}""".formatted(name, hangzhouHrss)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"))
                .andExpect(jsonPath("$.errors[0].message").value("所选地区或机构类型不在您的管辖范围内。"));
        assertThat(fixtures.count("select count(*) from institution where name = ?", name)).isZero();
    }

    @Test
    void aCollegePostingAKnownCreditCodeIsLinkedToThatEnterprise() throws Exception {
        String name = "接口合作企业" + OrganizationFixtures.unique();
        String code = OrganizationFixtures.creditCode("330212");
        mvc.perform(json(post("/api/v1/enterprises"), "nb-college", """
                        {"name": "%s", "creditCode": "%s", "regionCode": "330212", "industryCode": "G",
                         "size": "MICRO"}""".formatted(name, code)))
                .andExpect(status().isCreated());
        mvc.perform(json(post("/api/v1/enterprises"), "college-admin", """
                        {"creditCode": "%s"}""".formatted(code)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.industry.code").value("G"));
        long id = fixtures.enterprise(name);
        mvc.perform(get("/api/v1/enterprises/{id}/partners", id).with(user(accounts.load("college-admin"))))
                .andExpect(jsonPath("$[*].name", hasItem("浙江育训职业技术学院")))
                .andExpect(jsonPath("$[*].name", not(hasItem("宁波海港职业技术学院"))));
    }

    @Test
    void enterpriseHrUpdateTheirEnterpriseAndSeeOnlyItsVenues() throws Exception {
        mvc.perform(get("/api/v1/venues").with(user(accounts.load("ent-hr"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].enterpriseId", everyItem(org.hamcrest.Matchers.is(
                        (int) smartManufacturing))))
                .andExpect(jsonPath("$.items[*].name", hasItem("智造装备 总装车间")));
        mvc.perform(get("/api/v1/enterprises").with(user(accounts.load("ent-hr"))))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(json(put("/api/v1/enterprises/{id}", smartManufacturing), "ent-hr", """
                        {"name": "杭州智造装备有限公司", "regionCode": "330110", "industryCode": "C", "size": "MEDIUM",
                         "address": "杭州市余杭区仓前街道 8 号"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("杭州市余杭区仓前街道 8 号"))
                .andExpect(jsonPath("$.industryEducationCertified").value(true));
        mvc.perform(json(put("/api/v1/enterprises/{id}", fixtures.enterprise("杭州康养服务集团有限公司")), "ent-hr",
                        "{\"name\": \"篡改\"}"))
                .andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String username, String body) {
        return request.with(user(accounts.load(username))).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String college(String name, String more) {
        return """
                {"name": "%s", "kind": "HIGHER_VOCATIONAL", "regionCode": "330106", "supervisingAuthorityId": %d%s}"""
                .formatted(name, hangzhouEducation, more);
    }
}
