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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;

@IntegrationTest
class VenuePagesTest {

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
    long trainingBase;

    @BeforeEach
    void demoOrganisations() {
        fixtures = new OrganizationFixtures(jdbc);
        college = fixtures.institution("浙江育训职业技术学院");
        ningboCollege = fixtures.institution("宁波海港职业技术学院");
        smartManufacturing = fixtures.enterprise("杭州智造装备有限公司");
        trainingBase = fixtures.venue("智能制造实训基地");
    }

    @Test
    void collegeStaffRegisterAClassroomOfTheirOwnCollege() throws Exception {
        String name = "实训楼 B" + OrganizationFixtures.unique();
        mvc.perform(post("/venues").with(user(accounts.load("trainer"))).with(csrf())
                        .param("name", name).param("kind", "CLASSROOM").param("address", "实训楼 B 座 201")
                        .param("capacity", "48"))
                .andExpect(status().is3xxRedirection());
        long id = fixtures.venue(name);
        assertThat(fixtures.count("select count(*) from venue where id = ? and institution_id = ?"
                + " and enterprise_id is null and capacity = 48", id, college)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from audit_event where object_type = 'Venue' and object_id = ?"
                + " and action = 'CREATE'", String.valueOf(id))).isEqualTo(1);
        mvc.perform(get("/institutions/{id}", college).with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString(name)));
    }

    @Test
    void refusesAPhysicalVenueWithoutAddressAndAnEnterpriseSiteOfACollege() throws Exception {
        mvc.perform(post("/venues").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", "无地址场地" + OrganizationFixtures.unique()).param("kind", "ENTERPRISE_SITE"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("venueForm", "address", "venue.address.required"))
                .andExpect(model().attributeHasFieldErrorCode("venueForm", "kind", "venue.kind.enterpriseSite"))
                .andExpect(content().string(containsString("线下场地须填写地址")));
    }

    @Test
    void refusesACapacityOutOfRangeOrNotANumber() throws Exception {
        mvc.perform(post("/venues").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", "容量测试" + OrganizationFixtures.unique()).param("kind", "ONLINE")
                        .param("capacity", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("venueForm", "capacity", "organization.field.range"));
        mvc.perform(post("/venues").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", "容量测试" + OrganizationFixtures.unique()).param("kind", "ONLINE")
                        .param("capacity", "很多"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("venueForm", "capacity", "typeMismatch"))
                .andExpect(content().string(containsString("请输入整数")));
    }

    @Test
    void aCollegeCannotRegisterAVenueForAnotherInstitution() throws Exception {
        String name = "越权场地" + OrganizationFixtures.unique();
        mvc.perform(post("/venues").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", name).param("kind", "CLASSROOM").param("address", "宁波")
                        .param("institutionId", String.valueOf(ningboCollege)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请在本单位")));
        assertThat(fixtures.count("select count(*) from venue where name = ?", name)).isZero();
    }

    @Test
    void anotherCollegeCannotSeeOrEditTheCollegesVenue() throws Exception {
        mvc.perform(get("/venues/{id}", trainingBase).with(user(accounts.load("nb-college"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/venues/{id}", trainingBase).with(user(accounts.load("nb-college"))).with(csrf())
                        .param("name", "被篡改").param("kind", "CLASSROOM").param("address", "宁波"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/venues").with(user(accounts.load("nb-college"))))
                .andExpect(content().string(containsString("港口物流实训中心")))
                .andExpect(content().string(not(containsString("智能制造实训基地"))));
        assertThat(fixtures.count("select count(*) from venue where id = ? and name = '智能制造实训基地'", trainingBase))
                .isEqualTo(1);
    }

    @Test
    void enterpriseHrRegisterASiteOfTheirEnterprise() throws Exception {
        String name = "焊接车间" + OrganizationFixtures.unique();
        mvc.perform(get("/venues/new").with(user(accounts.load("ent-hr"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("杭州智造装备有限公司")));
        mvc.perform(post("/venues").with(user(accounts.load("ent-hr"))).with(csrf())
                        .param("name", name).param("kind", "ENTERPRISE_SITE").param("address", "余杭区仓前街道 8 号"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.count("select count(*) from venue where name = ? and enterprise_id = ?", name,
                smartManufacturing)).isEqualTo(1);
        mvc.perform(get("/venues").with(user(accounts.load("ent-hr"))))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString("智能制造实训基地"))));
    }

    @Test
    void thePlatformAdministratorRegistersAVenueFromTheOwnersPage() throws Exception {
        String name = "海港东区教室" + OrganizationFixtures.unique();
        mvc.perform(get("/venues/new").param("institutionId", String.valueOf(ningboCollege))
                        .with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("宁波海港职业技术学院")));
        mvc.perform(get("/venues/new").with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("请从院校或企业的详情页新增场地")));
        mvc.perform(post("/venues").with(user(accounts.load("admin"))).with(csrf())
                        .param("institutionId", String.valueOf(ningboCollege))
                        .param("name", name).param("kind", "CLASSROOM").param("address", "东区 3 号楼"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.count("select count(*) from venue where name = ? and institution_id = ?", name,
                ningboCollege)).isEqualTo(1);
    }

    @Test
    void deactivatingIsForTheInstitutionAdministratorAndKeepsTheVenueListed() throws Exception {
        String name = "旧机房" + OrganizationFixtures.unique();
        mvc.perform(post("/venues").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", name).param("kind", "CLASSROOM").param("address", "老楼 101"))
                .andExpect(status().is3xxRedirection());
        long id = fixtures.venue(name);
        mvc.perform(post("/venues/{id}/active", id).with(user(accounts.load("trainer"))).with(csrf())
                        .param("active", "false").param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/venues/{id}/active", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("active", "false").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/venues").param("active", "false").with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString(name)));
        mvc.perform(post("/venues/{id}", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", name).param("kind", "CLASSROOM").param("address", "老楼 102")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该记录已被他人修改")));
        assertThat(fixtures.count("select count(*) from venue where id = ? and address = '老楼 101' and not active",
                id)).isEqualTo(1);
    }
}
