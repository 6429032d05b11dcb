package org.yuxun.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.shared.DataScope;

@IntegrationTest
class InstitutionPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    OrganizationFixtures fixtures;
    long college;
    long techSchool;
    long hangzhouEducation;
    long hangzhouHrss;
    long ningboEducation;

    @BeforeEach
    void demoOrganisations() {
        fixtures = new OrganizationFixtures(jdbc);
        college = fixtures.institution("浙江育训职业技术学院");
        techSchool = fixtures.institution("杭州市高级技工学校");
        hangzhouEducation = fixtures.authority("杭州市教育局");
        hangzhouHrss = fixtures.authority("杭州市人力资源和社会保障局");
        ningboEducation = fixtures.authority("宁波市教育局");
    }

    @Test
    void anEducationOfficerRegistersAVocationalCollegeInTheProvince() throws Exception {
        String name = "杭州测试职业学院" + OrganizationFixtures.unique();
        String code = OrganizationFixtures.creditCode("330106");
        mvc.perform(collegeForm("zj-edu", name, "creditCode", code.toLowerCase()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/institutions/*"));

        long id = fixtures.institution(name);
        assertThat(fixtures.count("select count(*) from institution where id = ? and credit_code = ?"
                + " and supervising_authority_id = ? and kind = 'HIGHER_VOCATIONAL'", id, code, hangzhouEducation))
                .isEqualTo(1);
        assertThat(fixtures.count("select count(*) from audit_event where object_type = 'Institution'"
                + " and object_id = ? and action = 'CREATE' and username = 'zj-edu'", String.valueOf(id)))
                .isEqualTo(1);
        mvc.perform(get("/institutions/{id}", id).with(user(accounts.load("zj-edu"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("杭州市教育局")));
    }

    @Test
    void refusesACreditCodeWithAWrongCheckCharacterAtTheField() throws Exception {
        String name = "校验位测试学院" + OrganizationFixtures.unique();
        String wrong = OrganizationFixtures.withWrongCheckCharacter(OrganizationFixtures.creditCode("330106"));
        mvc.perform(collegeForm("admin", name, "creditCode", wrong))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("institutionForm", "creditCode", "credit.code.checksum"))
                .andExpect(content().string(containsString("统一社会信用代码校验位不正确")));
        assertThat(fixtures.count("select count(*) from institution where name = ?", name)).isZero();
    }

    @Test
    void refusesARegionCodeThatIsNotOnTheList() throws Exception {
        String name = "地区测试学院" + OrganizationFixtures.unique();
        mvc.perform(collegeForm("admin", name, "regionCode", "339999"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("institutionForm", "regionCode", "region.code.unknown"));
        assertThat(fixtures.count("select count(*) from institution where name = ?", name)).isZero();
    }

    @Test
    void refusesAnHrssAuthorityForAVocationalCollege() throws Exception {
        String name = "主管部门测试学院" + OrganizationFixtures.unique();
        mvc.perform(collegeForm("admin", name, "supervisingAuthorityId", String.valueOf(hangzhouHrss)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("institutionForm", "supervisingAuthorityId",
                        "institution.authority.education"))
                .andExpect(content().string(containsString("职业院校的主管部门应为教育行政部门")));
        assertThat(fixtures.count("select count(*) from institution where name = ?", name)).isZero();
    }

    @Test
    void refusesAnAuthorityWhoseRegionDoesNotContainTheInstitution() throws Exception {
        mvc.perform(collegeForm("admin", "跨地区测试学院" + OrganizationFixtures.unique(),
                        "supervisingAuthorityId", String.valueOf(ningboEducation)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("institutionForm", "supervisingAuthorityId",
                        "institution.authority.region"));
    }

    @Test
    void refusesAnOverLongNameAndShowsEveryProblemAtOnce() throws Exception {
        mvc.perform(collegeForm("admin", "长".repeat(101), "contactPhone", "12345"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("institutionForm", "name", "organization.field.tooLong"))
                .andExpect(model().attributeHasFieldErrorCode("institutionForm", "contactPhone", "phone.number.format"))
                .andExpect(content().string(containsString("不能超过 100 个字")));
    }

    @Test
    void refusesADuplicateNameAndADuplicateCreditCodeAtTheirFields() throws Exception {
        mvc.perform(collegeForm("admin", "浙江育训职业技术学院"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("institutionForm", "name", "institution.name.duplicate"));
        String takenCode = DataScope.asSystem(() -> jdbc.sql("select credit_code from institution where id = ?")
                .param(college).query(String.class).single());
        mvc.perform(collegeForm("admin", "重复代码测试学院" + OrganizationFixtures.unique(), "creditCode", takenCode))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("institutionForm", "creditCode",
                        "institution.creditCode.duplicate"));
    }

    @Test
    void anEducationOfficerCannotRegisterATechnicalSchoolWhichIsTheHrssRemit() throws Exception {
        String name = "越权技工学校" + OrganizationFixtures.unique();
        mvc.perform(post("/institutions").with(user(accounts.load("zj-edu"))).with(csrf())
                        .param("name", name).param("kind", "TECHNICAL_SCHOOL").param("regionCode", "330106")
                        .param("supervisingAuthorityId", String.valueOf(hangzhouHrss)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("institutionForm", "regionCode",
                        "institution.outsideRemit"))
                .andExpect(content().string(containsString("所选地区或机构类型不在您的管辖范围内")));
        assertThat(fixtures.count("select count(*) from institution where name = ?", name)).isZero();
    }

    @Test
    void aNingboOfficerCannotRegisterACollegeInHangzhou() throws Exception {
        String name = "越区职业学院" + OrganizationFixtures.unique();
        mvc.perform(collegeForm("nb-edu", name))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("institutionForm", "regionCode",
                        "institution.outsideRemit"));
        assertThat(fixtures.count("select count(*) from institution where name = ?", name)).isZero();
    }

    @Test
    void theEducationOfficerDoesNotSeeTheTechnicalSchoolButTheHrssOfficerDoes() throws Exception {
        mvc.perform(get("/institutions/{id}", techSchool).with(user(accounts.load("zj-edu"))))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("杭州市高级技工学校"))));
        mvc.perform(get("/institutions").with(user(accounts.load("zj-edu"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("浙江育训职业技术学院")))
                .andExpect(content().string(not(containsString("杭州市高级技工学校"))));
        mvc.perform(get("/institutions/{id}", techSchool).with(user(accounts.load("zj-hrss"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("杭州市高级技工学校")))
                .andExpect(content().string(containsString("电工实训室")));
    }

    @Test
    void anotherCollegeCannotSeeOrEditTheCollegesRecord() throws Exception {
        mvc.perform(get("/institutions/{id}", college).with(user(accounts.load("nb-college"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/institutions/{id}/edit", college).with(user(accounts.load("nb-college"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/institutions/{id}", college).with(user(accounts.load("nb-college"))).with(csrf())
                        .param("name", "被篡改的名称").param("contactName", "外人"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/institutions").param("q", "职业").with(user(accounts.load("nb-college"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("宁波海港职业技术学院")))
                .andExpect(content().string(not(containsString("浙江育训职业技术学院"))));
        assertThat(fixtures.count("select count(*) from institution where id = ? and name = '浙江育训职业技术学院'"
                + " and contact_name <> '外人'", college)).isEqualTo(1);
    }

    @Test
    void collegeStaffKeepTheirContactDetailsButNotTheAuthorityFields() throws Exception {
        mvc.perform(get("/institutions/{id}/edit", college).with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("由主管部门维护")))
                .andExpect(content().string(not(containsString("name=\"kind\""))));
        mvc.perform(post("/institutions/{id}", college).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", "浙江育训职业技术学院").param("shortName", "育训职院")
                        .param("kind", "TECHNICAL_SCHOOL"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("institutionForm", "kind", "institution.authorityField"));
        mvc.perform(post("/institutions/{id}", college).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", "浙江育训职业技术学院").param("shortName", "育训职院")
                        .param("address", "杭州市西湖区留和路 318 号").param("contactName", "培训处")
                        .param("contactPhone", "0571 8800 1234"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.count("select count(*) from institution where id = ? and contact_phone = '0571-88001234'"
                + " and kind = 'HIGHER_VOCATIONAL' and supervising_authority_id = ?", college, hangzhouEducation))
                .isEqualTo(1);
    }

    @Test
    void aTeacherMayNotEditTheInstitution() throws Exception {
        mvc.perform(post("/institutions/{id}", college).with(user(accounts.load("teacher"))).with(csrf())
                        .param("name", "浙江育训职业技术学院"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aStaleVersionIsCaughtAndNothingIsOverwritten() throws Exception {
        String name = "并发测试学院" + OrganizationFixtures.unique();
        mvc.perform(collegeForm("admin", name)).andExpect(status().is3xxRedirection());
        long id = fixtures.institution(name);
        mvc.perform(collegeEdit(id, name).param("version", "0").param("address", "第一次修改"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(collegeEdit(id, name).param("version", "0").param("address", "过期的修改"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该记录已被他人修改")));
        assertThat(fixtures.count("select count(*) from institution where id = ? and address = '第一次修改'", id))
                .isEqualTo(1);
    }

    @Test
    void deactivatedInstitutionsStayListedUnderTheInactiveFilter() throws Exception {
        String name = "停用测试学院" + OrganizationFixtures.unique();
        mvc.perform(collegeForm("admin", name)).andExpect(status().is3xxRedirection());
        long id = fixtures.institution(name);
        mvc.perform(get("/institutions/{id}", id).with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("data-confirm")));
        mvc.perform(post("/institutions/{id}/active", id).with(user(accounts.load("admin"))).with(csrf())
                        .param("active", "false").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/institutions").param("q", name).param("active", "false")
                        .with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("href=\"/institutions/" + id + "\"")));
        mvc.perform(get("/institutions").param("q", name).param("active", "true")
                        .with(user(accounts.load("admin"))))
                .andExpect(content().string(not(containsString("href=\"/institutions/" + id + "\""))))
                .andExpect(content().string(containsString("没有符合条件的院校或机构")));
        assertThat(fixtures.count("select count(*) from audit_event where object_type = 'Institution'"
                + " and object_id = ? and action = 'DEACTIVATE'", String.valueOf(id))).isEqualTo(1);
        mvc.perform(post("/institutions/{id}/active", id).with(user(accounts.load("admin"))).with(csrf())
                        .param("active", "true").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.count("select count(*) from institution where id = ? and not active", id)).isEqualTo(1);
    }

    @Test
    void searchesByRegionNameAndFiltersByKindAndRegion() throws Exception {
        mvc.perform(get("/institutions").param("q", "拱墅区").with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("杭州市高级技工学校")))
                .andExpect(content().string(not(containsString("宁波海港职业技术学院"))));
        mvc.perform(get("/institutions").param("kind", "HIGHER_VOCATIONAL").param("region", "330200")
                        .with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("宁波海港职业技术学院")))
                .andExpect(content().string(not(containsString("浙江育训职业技术学院"))));
        mvc.perform(get("/institutions").param("region", "339999").with(user(accounts.load("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("行政区划代码不存在，已忽略该筛选条件")));
    }

    @Test
    void theDetailPageShowsTheVenuesAndPartnerEnterprises() throws Exception {
        mvc.perform(get("/institutions/{id}", college).with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("智能制造实训基地")))
                .andExpect(content().string(containsString("杭州智造装备有限公司")))
                .andExpect(content().string(containsString("杭州康养服务集团有限公司")));
    }

    @Test
    void theSupervisorChoicesMatchTheKindAndContainTheRegion() throws Exception {
        mvc.perform(get("/institutions/supervisors").param("kind", "HIGHER_VOCATIONAL").param("regionCode", "330106")
                        .with(user(accounts.load("zj-edu"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("杭州市教育局")))
                .andExpect(content().string(containsString("浙江省教育厅")))
                .andExpect(content().string(containsString("教育部")))
                .andExpect(content().string(not(containsString("宁波市教育局"))))
                .andExpect(content().string(not(containsString("人力资源"))));
    }

    @Test
    void exportsTheFilteredListInTheCallersScope() throws Exception {
        byte[] xlsx = mvc.perform(get("/institutions/export").with(user(accounts.load("nb-college"))))
                .andExpect(status().isOk())
                .andExpect(content().contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(xlsx)).contains("宁波海港职业技术学院").doesNotContain("浙江育训职业技术学院");

        byte[] colleges = mvc.perform(get("/institutions/export").param("kind", "HIGHER_VOCATIONAL")
                        .with(user(accounts.load("zj-hrss"))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(colleges)).contains("名称").doesNotContain("浙江育训职业技术学院", "杭州市高级技工学校");

        byte[] technical = mvc.perform(get("/institutions/export").param("region", "330100")
                        .with(user(accounts.load("zj-hrss"))))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(technical)).contains("杭州市高级技工学校", "高级技工学校")
                .doesNotContain("浙江育训职业技术学院");
    }

    /** A valid registration of a 高职 in 西湖区 under 杭州市教育局; pairs of name and value replace its fields. */
    private MockHttpServletRequestBuilder collegeForm(String username, String name, String... replacements) {
        return withFields(post("/institutions").with(user(accounts.load(username))).with(csrf()), name,
                replacements);
    }

    private MockHttpServletRequestBuilder collegeEdit(long id, String name, String... replacements) {
        return withFields(post("/institutions/{id}", id).with(user(accounts.load("admin"))).with(csrf()), name,
                replacements);
    }

    private MockHttpServletRequestBuilder withFields(MockHttpServletRequestBuilder request, String name,
                                                     String... replacements) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("kind", "HIGHER_VOCATIONAL");
        fields.put("regionCode", "330106");
        fields.put("supervisingAuthorityId", String.valueOf(hangzhouEducation));
        for (int i = 0; i < replacements.length; i += 2) {
            fields.put(replacements[i], replacements[i + 1]);
        }
        fields.forEach(request::param);
        return request;
    }

    static List<String> cells(byte[] xlsx) throws Exception {
        List<String> values = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                row.forEach(cell -> values.add(cell.toString()));
            }
        }
        return values;
    }
}
