package org.yuxun.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.shared.DataScope;

@IntegrationTest
class AuthorityPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void platformAdministratorCreatesAnAuthorityForACity() throws Exception {
        mvc.perform(post("/authorities").with(user(accounts.load("admin"))).with(csrf())
                        .param("name", "温州市教育局").param("kind", "EDUCATION").param("level", "CITY")
                        .param("regionCode", "330300"))
                .andExpect(status().is3xxRedirection());
        long count = DataScope.asSystem(() -> jdbc.sql("select count(*) from authority where name = '温州市教育局'")
                .query(Long.class).single());
        assertThat(count).isEqualTo(1);
    }

    @Test
    void refusesARegionOfAnotherLevelAtTheField() throws Exception {
        mvc.perform(post("/authorities").with(user(accounts.load("admin"))).with(csrf())
                        .param("name", "西湖区教育局").param("kind", "EDUCATION").param("level", "CITY")
                        .param("regionCode", "330106"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "regionCode", "authority.region.level"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("行政区划的级别与部门级别不一致")));
    }

    @Test
    void refusesAnUnknownRegionCode() throws Exception {
        mvc.perform(post("/authorities").with(user(accounts.load("admin"))).with(csrf())
                        .param("name", "某县教育局").param("kind", "EDUCATION").param("level", "COUNTY")
                        .param("regionCode", "339999"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "regionCode", "region.code.unknown"));
    }

    @Test
    void anInstitutionAdministratorCannotCreateAuthorities() throws Exception {
        mvc.perform(post("/authorities").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", "伪造的教育局").param("kind", "EDUCATION").param("level", "CITY")
                        .param("regionCode", "330300"))
                .andExpect(status().isForbidden());
    }

    @Test
    void listsAuthoritiesWithSearch() throws Exception {
        mvc.perform(get("/authorities").param("q", "宁波").with(user(accounts.load("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("宁波市教育局")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("杭州市教育局"))));
    }
}
