package org.yuxun.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;

@IntegrationTest
class EnterprisePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    OrganizationFixtures fixtures;
    long college;
    long ningboCollege;
    long smartManufacturing;
    long elderCare;
    long port;

    @BeforeEach
    void demoOrganisations() {
        fixtures = new OrganizationFixtures(jdbc);
        college = fixtures.institution("浙江育训职业技术学院");
        ningboCollege = fixtures.institution("宁波海港职业技术学院");
        smartManufacturing = fixtures.enterprise("杭州智造装备有限公司");
        elderCare = fixtures.enterprise("杭州康养服务集团有限公司");
        port = fixtures.enterprise("宁波港通物流有限公司");
    }

    @Test
    void thePlatformAdministratorRegistersACertifiedEnterprise() throws Exception {
        String name = "测试装备有限公司" + OrganizationFixtures.unique();
        String code = OrganizationFixtures.creditCode("330110");
        mvc.perform(enterpriseForm("admin", name, code, "industryEducationCertified", "true"))
                .andExpect(status().is3xxRedirection());
        long id = fixtures.enterprise(name);
        assertThat(fixtures.count("select count(*) from enterprise where id = ? and credit_code = ?"
                + " and industry_code = 'C' and size = 'SMALL' and industry_education_certified", id, code))
                .isEqualTo(1);
        assertThat(fixtures.count("select count(*) from audit_event where object_type = 'Enterprise'"
                + " and object_id = ? and action = 'CREATE'", String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void refusesACreditCodeWithAWrongCheckCharacterAtTheField() throws Exception {
        String name = "校验位测试企业" + OrganizationFixtures.unique();
        String wrong = OrganizationFixtures.withWrongCheckCharacter(OrganizationFixtures.creditCode("330110"));
        mvc.perform(enterpriseForm("admin", name, wrong))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("enterpriseForm", "creditCode", "credit.code.checksum"))
                .andExpect(content().string(containsString("统一社会信用代码校验位不正确")));
        assertThat(fixtures.count("select count(*) from enterprise where name = ?", name)).isZero();
    }

    @Test
    void refusesADuplicateCreditCodeAtTheFieldForThePlatformAdministrator() throws Exception {
        String name = "重复代码企业" + OrganizationFixtures.unique();
        mvc.perform(enterpriseForm("admin", name, fixtures.creditCodeOfEnterprise(port)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("enterpriseForm", "creditCode",
                        "enterprise.creditCode.duplicate"))
                .andExpect(content().string(containsString("该统一社会信用代码已登记")));
        assertThat(fixtures.count("select count(*) from enterprise where name = ?", name)).isZero();
    }

    @Test
    void refusesMissingIndustryUnknownRegionAndAnOverLongName() throws Exception {
        mvc.perform(enterpriseForm("admin", "企".repeat(101), OrganizationFixtures.creditCode("330110"),
                        "industryCode", "", "regionCode", "330199"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("enterpriseForm", "name", "organization.field.tooLong"))
                .andExpect(model().attributeHasFieldErrorCode("enterpriseForm", "industryCode",
                        "organization.field.required"))
                .andExpect(model().attributeHasFieldErrorCode("enterpriseForm", "regionCode", "region.code.unknown"));
    }

    @Test
    void aCollegeRegisteringANewEnterpriseCreatesAndLinksIt() throws Exception {
        String name = "新合作企业" + OrganizationFixtures.unique();
        mvc.perform(enterpriseForm("college-admin", name, OrganizationFixtures.creditCode("330106")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", true));
        long id = fixtures.enterprise(name);
        assertThat(fixtures.count("select count(*) from enterprise_partner where institution_id = ?"
                + " and enterprise_id = ?", college, id)).isEqualTo(1);
        mvc.perform(get("/enterprises/{id}", id).with(user(accounts.load("trainer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        mvc.perform(get("/enterprises/{id}", id).with(user(accounts.load("nb-college"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCollegeAddingAnEnterpriseAlreadyOnFileIsLinkedToItAndLearnsNothingElse() throws Exception {
        String name = "宁波合作企业" + OrganizationFixtures.unique();
        String code = OrganizationFixtures.creditCode("330212");
        mvc.perform(enterpriseForm("nb-college", name, code)).andExpect(status().is3xxRedirection());
        long id = fixtures.enterprise(name);
        mvc.perform(get("/enterprises/{id}", id).with(user(accounts.load("college-admin"))))
                .andExpect(status().isNotFound());

        mvc.perform(post("/enterprises").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("creditCode", " " + code.toLowerCase() + " ").param("name", "改名企图"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/enterprises/" + id))
                .andExpect(flash().attribute("linked", true));

        assertThat(fixtures.count("select count(*) from enterprise where id = ? and name = ?", id, name))
                .isEqualTo(1);
        assertThat(fixtures.count("select count(*) from enterprise_partner where enterprise_id = ?", id))
                .isEqualTo(2);
        assertThat(fixtures.count("select count(*) from audit_event where object_type = 'Enterprise'"
                + " and object_id = ? and action = 'LINK' and username = 'college-admin'", String.valueOf(id)))
                .isEqualTo(1);
        mvc.perform(get("/enterprises/{id}", id).with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("浙江育训职业技术学院")))
                .andExpect(content().string(not(containsString("宁波海港职业技术学院"))));

        mvc.perform(post("/enterprises").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("creditCode", code))
                .andExpect(redirectedUrl("/enterprises/" + id));
        assertThat(fixtures.count("select count(*) from enterprise_partner where enterprise_id = ?", id))
                .isEqualTo(2);
    }

    @Test
    void anotherCollegeDoesNotSeeTheCollegesPartnerEnterprise() throws Exception {
        mvc.perform(get("/enterprises/{id}", elderCare).with(user(accounts.load("nb-college"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/enterprises").with(user(accounts.load("nb-college"))))
                .andExpect(content().string(containsString("宁波港通物流有限公司")))
                .andExpect(content().string(not(containsString("杭州康养服务集团有限公司"))));
        mvc.perform(post("/enterprises/{id}", elderCare).with(user(accounts.load("nb-college"))).with(csrf())
                        .param("name", "被篡改").param("regionCode", "330106").param("industryCode", "Q")
                        .param("size", "LARGE"))
                .andExpect(status().isNotFound());
        assertThat(fixtures.count("select count(*) from enterprise where id = ? and name = '杭州康养服务集团有限公司'",
                elderCare)).isEqualTo(1);
    }

    @Test
    void enterpriseHrSeeAndEditTheirOwnEnterpriseOnly() throws Exception {
        mvc.perform(get("/enterprises/{id}", smartManufacturing).with(user(accounts.load("ent-hr"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("浙江育训职业技术学院")))
                .andExpect(content().string(containsString("杭州市高级技工学校")))
                .andExpect(content().string(not(containsString("href=\"/institutions/"))))
                .andExpect(content().string(containsString("智造装备 总装车间")));
        mvc.perform(get("/enterprises/{id}", elderCare).with(user(accounts.load("ent-hr"))))
                .andExpect(status().isNotFound());
        String code = fixtures.creditCodeOfEnterprise(smartManufacturing);
        mvc.perform(enterpriseEdit("ent-hr", smartManufacturing, "杭州智造装备有限公司", code,
                        "regionCode", "330110", "size", "MEDIUM", "contactName", "人力资源部", "contactPhone",
                        "13812345678"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.count("select count(*) from enterprise where id = ? and contact_phone = '13812345678'"
                + " and industry_education_certified", smartManufacturing)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from audit_event where object_type = 'Enterprise'"
                + " and object_id = ? and action = 'UPDATE' and after ->> 'contactPhone' = '138****5678'",
                String.valueOf(smartManufacturing))).isEqualTo(1);
    }

    @Test
    void onlyThePlatformAdministratorChangesTheCreditCodeOrTheCertification() throws Exception {
        String name = "认定测试企业" + OrganizationFixtures.unique();
        String code = OrganizationFixtures.creditCode("330106");
        mvc.perform(enterpriseForm("college-admin", name, code, "industryEducationCertified", "true"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("enterpriseForm", "industryEducationCertified",
                        "enterprise.certified.locked"));
        mvc.perform(enterpriseForm("college-admin", name, code)).andExpect(status().is3xxRedirection());
        long id = fixtures.enterprise(name);
        mvc.perform(enterpriseEdit("college-admin", id, name, OrganizationFixtures.creditCode("330106")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("enterpriseForm", "creditCode",
                        "enterprise.creditCode.locked"));
        mvc.perform(enterpriseEdit("college-admin", id, name, code, "industryEducationCertified", "true"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("enterpriseForm", "industryEducationCertified",
                        "enterprise.certified.locked"));
        String corrected = OrganizationFixtures.creditCode("330106");
        mvc.perform(enterpriseEdit("admin", id, name, corrected, "industryEducationCertified", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.count("select count(*) from enterprise where id = ? and credit_code = ?"
                + " and industry_education_certified", id, corrected)).isEqualTo(1);
    }

    @Test
    void authoritiesReadTheEnterprisesOfTheirRegionButDoNotChangeThem() throws Exception {
        mvc.perform(get("/enterprises/{id}", port).with(user(accounts.load("zj-edu"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("宁波港通物流有限公司")))
                .andExpect(content().string(containsString("宁波海港职业技术学院")))
                .andExpect(content().string(not(containsString("/enterprises/" + port + "/edit"))));
        mvc.perform(get("/enterprises/{id}", port).with(user(accounts.load("hz-hrss"))))
                .andExpect(status().isNotFound());
        mvc.perform(enterpriseEdit("zj-hrss", port, "改名", fixtures.creditCodeOfEnterprise(port)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/enterprises/new").with(user(accounts.load("zj-edu"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void listsFilterByCertificationIndustryAndRegionAndExportTheSameRows() throws Exception {
        mvc.perform(get("/enterprises").param("certified", "true").with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("杭州智造装备有限公司")))
                .andExpect(content().string(not(containsString("杭州康养服务集团有限公司"))));
        mvc.perform(get("/enterprises").param("industry", "G").param("region", "330200")
                        .with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("宁波港通物流有限公司")))
                .andExpect(content().string(not(containsString("杭州智造装备有限公司"))));
        mvc.perform(get("/enterprises").param("q", "没有这样的企业").with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("没有符合条件的企业")));

        byte[] xlsx = mvc.perform(get("/enterprises/export").param("certified", "true")
                        .with(user(accounts.load("admin"))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(InstitutionPagesTest.cells(xlsx)).contains("统一社会信用代码", "杭州智造装备有限公司", "宁波港通物流有限公司")
                .doesNotContain("杭州康养服务集团有限公司");
        byte[] scoped = mvc.perform(get("/enterprises/export").with(user(accounts.load("nb-college"))))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(InstitutionPagesTest.cells(scoped)).contains("宁波港通物流有限公司")
                .doesNotContain("杭州智造装备有限公司", "杭州康养服务集团有限公司");
    }

    @Test
    void theDetailPageOfAnInstitutionListsOnlyItsOwnPartners() throws Exception {
        mvc.perform(get("/enterprises").param("partnerOf", String.valueOf(ningboCollege))
                        .with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("宁波港通物流有限公司")))
                .andExpect(content().string(not(containsString("杭州康养服务集团有限公司"))));
    }

    @Test
    void deactivatingAnEnterpriseIsForThePlatformAdministrator() throws Exception {
        String name = "停用测试企业" + OrganizationFixtures.unique();
        mvc.perform(enterpriseForm("admin", name, OrganizationFixtures.creditCode("330110")))
                .andExpect(status().is3xxRedirection());
        long id = fixtures.enterprise(name);
        mvc.perform(post("/enterprises/{id}/active", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("active", "false").param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/enterprises/{id}/active", id).with(user(accounts.load("admin"))).with(csrf())
                        .param("active", "false").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/enterprises").param("active", "false").param("q", name)
                        .with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("href=\"/enterprises/" + id + "\"")));
        assertThat(fixtures.count("select count(*) from audit_event where object_type = 'Enterprise'"
                + " and object_id = ? and action = 'DEACTIVATE'", String.valueOf(id))).isEqualTo(1);
    }

    /** A valid registration of a small manufacturer in 余杭区; pairs of name and value replace its fields. */
    private MockHttpServletRequestBuilder enterpriseForm(String username, String name, String code,
                                                         String... replacements) {
        return withFields(post("/enterprises").with(user(accounts.load(username))).with(csrf()), name, code,
                replacements);
    }

    private MockHttpServletRequestBuilder enterpriseEdit(String username, long id, String name, String code,
                                                         String... replacements) {
        return withFields(post("/enterprises/{id}", id).with(user(accounts.load(username))).with(csrf()), name,
                code, replacements);
    }

    private static MockHttpServletRequestBuilder withFields(MockHttpServletRequestBuilder request, String name,
                                                            String code, String... replacements) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("creditCode", code);
        fields.put("regionCode", "330110");
        fields.put("industryCode", "C");
        fields.put("size", "SMALL");
        fields.put("contactPhone", "0571-86001234");
        for (int i = 0; i < replacements.length; i += 2) {
            fields.put(replacements[i], replacements[i + 1]);
        }
        fields.forEach(request::param);
        return request;
    }
}
