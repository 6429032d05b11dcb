package org.yuxun.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.IdentityNumber;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class PersonApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void registersWithCreatedAndLinksAnExistingPersonWithOk() throws Exception {
        String number = TestPersons.identityNumber();
        String name = TestPersons.name();

        long id = json.readTree(register("college-admin", number, name, "13912340000")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.outcome").value("REGISTERED"))
                        .andExpect(jsonPath("$.documentMasked").value(IdentityNumber.of(number).masked()))
                        .andExpect(content().string(not(containsString(number))))
                        .andReturn().getResponse().getContentAsString())
                .get("id").asLong();

        register("nb-college", number, name, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.outcome").value("LINKED"));
    }

    @Test
    void detailAndListHoldMaskedNumbersAndOnlyTheCallersRelationships() throws Exception {
        String number = TestPersons.identityNumber();
        String name = TestPersons.name();
        String phone = TestPersons.mobile();
        long id = json.readTree(register("college-admin", number, name, phone).andReturn().getResponse()
                .getContentAsString()).get("id").asLong();
        register("nb-college", number, name, null);

        mvc.perform(get("/api/v1/persons/{id}", id).with(user(accounts.load("nb-college"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.documentMasked").value(IdentityNumber.of(number).masked()))
                .andExpect(jsonPath("$.links.length()").value(1))
                .andExpect(jsonPath("$.links[0].orgName").value("宁波海港职业技术学院"))
                .andExpect(jsonPath("$.phoneMasked").doesNotExist())
                .andExpect(content().string(not(containsString(number))))
                .andExpect(content().string(not(containsString(phone))));
        mvc.perform(get("/api/v1/persons").param("q", name).with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(jsonPath("$.content[0].relations").value(hasItem("LEARNER")))
                .andExpect(content().string(not(containsString(number))))
                .andExpect(content().string(not(containsString(phone))));
        mvc.perform(get("/api/v1/persons").param("q", number).with(user(accounts.load("college-admin"))))
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(post("/api/v1/persons/search").with(user(accounts.load("college-admin")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"q\": \"" + number + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(post("/api/v1/persons/search").with(user(accounts.load("tech-school")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"q\": \"" + number + "\"}"))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void refusesWrongInputWithFieldMessages() throws Exception {
        mvc.perform(post("/api/v1/persons").with(user(accounts.load("college-admin")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"documentType": "RESIDENT_ID_CARD", "documentNumber": "%s", "name": "",
                                 "phone": "123"}""".formatted(PersonPagesTest.wrongCheck(TestPersons.identityNumber()))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'documentNumber')].message")
                        .value(hasItem("证件号码校验位不正确，请核对。")))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value(hasItem("请填写姓名。")))
                .andExpect(jsonPath("$.errors[?(@.field == 'phone')]").exists());
        mvc.perform(post("/api/v1/persons").with(user(accounts.load("college-admin")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"documentType": "DRIVING_LICENCE", "documentNumber": "1", "name": "张三"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documentType"));
        mvc.perform(post("/api/v1/persons").with(user(accounts.load("ent-hr")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"documentNumber": "%s", "name": "%s", "relation": "LEARNER"}"""
                                .formatted(TestPersons.identityNumber(), TestPersons.name())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("relation"));
    }

    @Test
    void revealNeedsThePermissionAndIsAudited() throws Exception {
        String number = TestPersons.identityNumber();
        long id = json.readTree(register("college-admin", number, TestPersons.name(), null).andReturn().getResponse()
                .getContentAsString()).get("id").asLong();

        mvc.perform(post("/api/v1/persons/{id}/reveal", id).with(user(accounts.load("trainer"))))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(post("/api/v1/persons/{id}/reveal", id).with(user(accounts.load("tech-school"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/persons/{id}/reveal", id).with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentNumber").value(number));

        assertThat(DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event
                        where action = 'REVEAL_IDENTITY' and object_id = ? and username = 'college-admin'""")
                .param(String.valueOf(id)).query(Long.class).single())).isEqualTo(1);
    }

    @Test
    void anotherInstitutionGetsNotFoundAndLearnersAreRefused() throws Exception {
        long id = json.readTree(register("college-admin", TestPersons.identityNumber(), TestPersons.name(), null)
                .andReturn().getResponse().getContentAsString()).get("id").asLong();

        mvc.perform(get("/api/v1/persons/{id}", id).with(user(accounts.load("tech-school"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/persons").with(user(accounts.load("learner")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/persons")).andExpect(status().isUnauthorized());
    }

    @Test
    void pageSizeIsCapped() throws Exception {
        mvc.perform(get("/api/v1/persons").param("size", "100000").with(user(accounts.load("admin"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(100));
    }

    @Test
    void locationHeaderPointsAtTheNewPerson() throws Exception {
        register("trainer", TestPersons.identityNumber(), TestPersons.name(), null)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/persons/")));
    }

    ResultActions register(String username, String number, String name, String phone) throws Exception {
        String body = json.writeValueAsString(Map.of("documentType", "RESIDENT_ID_CARD", "documentNumber", number,
                "name", name, "phone", phone == null ? "" : phone));
        return mvc.perform(post("/api/v1/persons").with(user(accounts.load(username)))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
