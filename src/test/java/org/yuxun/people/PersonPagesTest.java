package org.yuxun.people;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.people.PersonRef.Outcome;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.IdentityNumber;
import org.yuxun.shared.Masking;

@IntegrationTest
class PersonPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInstitutionRegistersANewPersonWithBirthDateAndSexFromTheNumber() throws Exception {
        String number = TestPersons.femaleIdentityNumber();
        String name = TestPersons.name();

        long id = idOf(register("college-admin", number, name, TestPersons.mobile(), "LEARNER")
                .andExpect(flash().attribute("outcome", Outcome.REGISTERED)));

        Map<String, Object> row = system(() -> jdbc.sql(
                        "select name, document_masked, sex, birth_date::text as birth, document_type from person where id = ?")
                .param(id).query().singleRow());
        IdentityNumber identity = IdentityNumber.of(number);
        assertThat(row).containsEntry("name", name)
                .containsEntry("document_masked", identity.masked())
                .containsEntry("sex", "FEMALE")
                .containsEntry("birth", identity.birthDate().toString())
                .containsEntry("document_type", "RESIDENT_ID_CARD");
        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(identity.masked())))
                .andExpect(content().string(not(containsString(number))))
                .andExpect(content().string(containsString("浙江育训职业技术学院")));
    }

    @Test
    void aSecondInstitutionEnteringTheSameNumberIsLinkedToThatPersonAndLearnsNothingOfTheFirst() throws Exception {
        String number = TestPersons.identityNumber();
        String name = TestPersons.name();
        String collegePhone = "13900001111";
        String ningboPhone = "13900002222";
        long id = idOf(register("college-admin", number, name, collegePhone, "LEARNER"));

        long linked = idOf(register("nb-college", number, name, ningboPhone, "LEARNER")
                .andExpect(flash().attribute("outcome", Outcome.LINKED)));

        assertThat(linked).isEqualTo(id);
        assertThat(system(() -> jdbc.sql("select count(*) from person where name = ?").param(name)
                .query(Long.class).single())).isEqualTo(1);
        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("nb-college"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("宁波海港职业技术学院")))
                .andExpect(content().string(not(containsString("浙江育训职业技术学院"))))
                .andExpect(content().string(containsString(Masking.maskPhone(ningboPhone))))
                .andExpect(content().string(not(containsString(Masking.maskPhone(collegePhone)))));
        mvc.perform(get("/persons").param("q", name).with(user(accounts.load("nb-college"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString(Masking.maskPhone(collegePhone)))));
        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString("浙江育训职业技术学院")))
                .andExpect(content().string(not(containsString("宁波海港职业技术学院"))))
                .andExpect(content().string(containsString(Masking.maskPhone(collegePhone))));
    }

    @Test
    void registeringTheSamePersonTwiceIsHarmless() throws Exception {
        String number = TestPersons.identityNumber();
        String name = TestPersons.name();
        long first = idOf(register("trainer", number, name, "", "LEARNER"));

        long second = idOf(register("trainer", number, name, "", "LEARNER")
                .andExpect(flash().attribute("outcome", Outcome.ALREADY_LINKED)));

        assertThat(second).isEqualTo(first);
        assertThat(system(() -> jdbc.sql("select count(*) from person_link where person_id = ?").param(first)
                .query(Long.class).single())).isEqualTo(1);
    }

    @Test
    void anEnterpriseRegistersItsEmployees() throws Exception {
        long id = idOf(register("ent-hr", TestPersons.identityNumber(), TestPersons.name(), "0571-88886666",
                "EMPLOYEE"));

        Map<String, Object> link = system(() -> jdbc.sql(
                        "select org_kind, relation, org_type from person_link where person_id = ?")
                .param(id).query().singleRow());
        assertThat(link).containsEntry("org_kind", "ENTERPRISE").containsEntry("relation", "EMPLOYEE")
                .containsEntry("org_type", "ENTERPRISE");
    }

    @Test
    void anEnterpriseCannotRegisterLearners() throws Exception {
        String name = TestPersons.name();

        register("ent-hr", TestPersons.identityNumber(), name, "", "LEARNER")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "relation", "person.relation.notApplicable"));
        assertThat(countByName(name)).isZero();
    }

    @Test
    void aPlatformAdministratorRegistersAPersonLinkedToNoOrganisation() throws Exception {
        String name = TestPersons.name();
        long id = idOf(register("admin", TestPersons.identityNumber(), name, "13911112222", null));

        assertThat(system(() -> jdbc.sql("select count(*) from person_link where person_id = ?").param(id)
                .query(Long.class).single())).isZero();
        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("139****2222")));
        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("college-admin"))))
                .andExpect(status().isNotFound());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "wrong check character, RESIDENT_ID_CARD, CHECKSUM, identity.number.checksum, 证件号码校验位不正确",
            "impossible birth date, RESIDENT_ID_CARD, 33010620021332031, identity.number.birthDate, 出生日期",
            "unknown province, RESIDENT_ID_CARD, 99010619900101031, identity.number.region, 省级行政区划代码",
            "seventeen characters, RESIDENT_ID_CARD, 3301061990010103, identity.number.length, 应为18位",
            "letters inside, RESIDENT_ID_CARD, 3301061990A101031X, identity.number.characters, 17位数字",
            "Hong Kong number as identity card, RESIDENT_ID_CARD, 81000019900101031, person.document.residentIdCard.region, 居住证",
            "mainland number as Taiwan permit, TAIWAN_RESIDENCE_PERMIT, 33010619900101031, person.document.taiwanPermit.region, 830000",
            "passport with a symbol, PASSPORT, E12#4567, person.document.passport.format, 护照号码应为5至17位字母或数字",
            "passport too short, PASSPORT, E123, person.document.passport.format, 护照号码应为5至17位字母或数字"})
    void refusesAWrongDocumentNumberAtItsField(String why, String type, String number, String code, String message)
            throws Exception {
        String name = TestPersons.name();
        String documentNumber = switch (number) {
            case "CHECKSUM" -> wrongCheck(TestPersons.identityNumber());
            default -> number.length() == 17 && number.matches("[0-9]+") ? withCheck(number) : number;
        };

        mvc.perform(post("/persons").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("documentType", type).param("documentNumber", documentNumber).param("name", name)
                        .param("relation", "LEARNER"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "documentNumber", code))
                .andExpect(content().string(containsString(message)));
        assertThat(countByName(name)).isZero();
    }

    @Test
    void refusesAWrongPhoneAndABadNameAtTheirFieldsTogether() throws Exception {
        mvc.perform(post("/persons").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("documentType", "RESIDENT_ID_CARD").param("documentNumber", TestPersons.identityNumber())
                        .param("name", "张三3").param("phone", "12345").param("relation", "LEARNER"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "person.name.characters"))
                .andExpect(model().attributeHasFieldErrorCode("form", "phone", "phone.number.format"))
                .andExpect(content().string(containsString("请输入正确的手机号码或固定电话号码")));
    }

    @Test
    void refusesANameThatDiffersFromTheRegisteredOneWithoutRevealingIt() throws Exception {
        String number = TestPersons.identityNumber();
        String registered = TestPersons.name();
        String typed = TestPersons.name();
        long id = idOf(register("college-admin", number, registered, "", "LEARNER"));

        register("nb-college", number, typed, "", "LEARNER")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "person.name.mismatch"))
                .andExpect(content().string(containsString("该证件号码已登记，姓名与登记信息不一致，请核对")))
                .andExpect(content().string(not(containsString(registered))));

        assertThat(system(() -> jdbc.sql("select count(*) from person_link where person_id = ?").param(id)
                .query(Long.class).single())).isEqualTo(1);
    }

    @Test
    void teachersAndLearnersCannotListOrOpenPersons() throws Exception {
        long id = idOf(register("college-admin", TestPersons.identityNumber(), TestPersons.name(), "", "LEARNER"));
        for (String username : List.of("teacher", "learner")) {
            mvc.perform(get("/persons").with(user(accounts.load(username)))).andExpect(status().isForbidden());
            mvc.perform(get("/persons/{id}", id).with(user(accounts.load(username))))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/persons/new").with(user(accounts.load(username)))).andExpect(status().isForbidden());
        }
    }

    @Test
    void revealingTheFullNumberNeedsThePermissionAndEveryRevealIsAudited() throws Exception {
        String number = TestPersons.identityNumber();
        long id = idOf(register("college-admin", number, TestPersons.name(), "", "LEARNER"));

        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("trainer"))))
                .andExpect(content().string(not(containsString("查看完整证件号"))));
        mvc.perform(post("/persons/{id}/reveal", id).with(user(accounts.load("trainer"))).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString(number))));
        assertThat(reveals(id)).isZero();

        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString("查看完整证件号")));
        mvc.perform(post("/persons/{id}/reveal", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/persons/{id}/reveal", id).with(user(accounts.load("college-admin"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString("<html")));

        List<Map<String, Object>> audit = system(() -> jdbc.sql("""
                        select username, org_kind, summary, before::text as before, after::text as after
                        from audit_event where action = 'REVEAL_IDENTITY' and object_id = ?""")
                .param(String.valueOf(id)).query().listOfRows());
        assertThat(audit).hasSize(2).allSatisfy(row -> {
            assertThat(row).containsEntry("username", "college-admin").containsEntry("org_kind", "INSTITUTION");
            assertThat(row.toString()).doesNotContain(number);
        });
    }

    @Test
    void revealNeedsCsrfProtection() throws Exception {
        long id = idOf(register("college-admin", TestPersons.identityNumber(), TestPersons.name(), "", "LEARNER"));

        mvc.perform(post("/persons/{id}/reveal", id).with(user(accounts.load("college-admin"))))
                .andExpect(status().isForbidden());
        assertThat(reveals(id)).isZero();
    }

    @Test
    void revealingThePhoneShowsTheOrganisationsOwnNumberAndIsAudited() throws Exception {
        String number = TestPersons.identityNumber();
        String name = TestPersons.name();
        long id = idOf(register("college-admin", number, name, "13955556666", "LEARNER"));
        register("nb-college", number, name, "13977778888", "LEARNER");

        mvc.perform(post("/persons/{id}/reveal-phone", id).with(user(accounts.load("nb-college"))).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("13977778888")))
                .andExpect(content().string(not(containsString("13955556666"))));
        assertThat(system(() -> jdbc.sql(
                        "select count(*) from audit_event where action = 'REVEAL_PHONE' and object_id = ?")
                .param(String.valueOf(id)).query(Long.class).single())).isEqualTo(1);
    }

    @Test
    void listDetailAndEditPagesNeverShowTheFullNumberOrPhone() throws Exception {
        String number = TestPersons.identityNumber();
        String phone = TestPersons.mobile();
        String name = TestPersons.name();
        long id = idOf(register("college-admin", number, name, phone, "LEARNER"));

        for (String path : List.of("/persons", "/persons?q=" + name, "/persons/" + id, "/persons/" + id + "/edit")) {
            mvc.perform(get(path).with(user(accounts.load("college-admin"))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(number))))
                    .andExpect(content().string(not(containsString(number.substring(0, 17)))))
                    .andExpect(content().string(not(containsString(phone))));
        }
        mvc.perform(get("/persons").param("q", name).with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString(IdentityNumber.of(number).masked())))
                .andExpect(content().string(containsString(Masking.maskPhone(phone))));
    }

    @Test
    void aCompleteNumberSearchIsPostedAndFindsThePersonWithoutEchoingTheNumber() throws Exception {
        String number = TestPersons.identityNumber();
        String name = TestPersons.name();
        idOf(register("college-admin", number, name, "", "LEARNER"));
        String typed = number.substring(0, 6) + " " + number.substring(6, 14) + " " + number.substring(14)
                .toLowerCase();

        mvc.perform(post("/persons/search").param("q", typed).with(user(accounts.load("college-admin"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString(number))))
                .andExpect(content().string(containsString(IdentityNumber.of(number).masked())));
        mvc.perform(post("/persons/search").param("q", number.substring(0, 14))
                        .with(user(accounts.load("college-admin"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(name))));
        mvc.perform(post("/persons/search").param("q", number).with(user(accounts.load("nb-college"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(name))));
    }

    @Test
    void aNameSearchIsRedirectedToABookmarkableAddress() throws Exception {
        mvc.perform(post("/persons/search").param("q", "欧阳").param("sex", "MALE")
                        .with(user(accounts.load("college-admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .startsWith("/persons?q=").contains("sex=MALE"));
    }

    @Test
    void filtersByDocumentTypeAndSexAndPages() throws Exception {
        String woman = TestPersons.name();
        String traveller = TestPersons.name();
        idOf(register("college-admin", TestPersons.femaleIdentityNumber(), woman, "", "LEARNER"));
        mvc.perform(post("/persons").with(user(accounts.load("college-admin"))).with(csrf())
                        .param("documentType", "PASSPORT").param("documentNumber", "E1" + String.format("%07d", id() % 10_000_000))
                        .param("name", traveller).param("relation", "LEARNER"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/persons").param("q", woman).param("sex", "FEMALE").with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString(woman)));
        mvc.perform(get("/persons").param("q", woman).param("sex", "MALE").with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString("共 0 条")));
        mvc.perform(get("/persons").param("q", traveller).param("documentType", "PASSPORT")
                        .with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString(traveller)))
                .andExpect(content().string(containsString("E1*****")));
        mvc.perform(get("/persons").param("q", traveller).param("documentType", "RESIDENT_ID_CARD")
                        .with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString("共 0 条")));
        mvc.perform(get("/persons").param("page", "1").with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 2 / ")));
        mvc.perform(get("/persons").param("documentType", "DRIVING_LICENCE").with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk());
    }

    @Test
    void showsAnEmptyStateToAnInstitutionWithoutPersons() throws Exception {
        mvc.perform(get("/persons").with(user(accounts.load("tech-school"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("暂无人员")));
        mvc.perform(get("/persons").param("q", "不存在的姓名").with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString("没有符合条件的记录")));
    }

    @Test
    void anInstitutionWithoutARelationshipGetsNotFoundAndChangesNothing() throws Exception {
        String name = TestPersons.name();
        long id = idOf(register("college-admin", TestPersons.identityNumber(), name, "13933334444", "LEARNER"));
        String before = personText(id);

        for (String path : List.of("/persons/" + id, "/persons/" + id + "/edit")) {
            mvc.perform(get(path).with(user(accounts.load("tech-school"))))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString(name))));
        }
        for (String path : List.of("/persons/" + id, "/persons/" + id + "/reveal", "/persons/" + id + "/reveal-phone")) {
            mvc.perform(post(path).with(user(accounts.load("tech-school"))).with(csrf())
                            .param("name", "改名").param("confirmNameChange", "true").param("phone", "13900000000")
                            .param("version", "0"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString(name))));
        }
        mvc.perform(get("/persons").param("q", name).with(user(accounts.load("tech-school"))))
                .andExpect(content().string(containsString("共 0 条")))
                .andExpect(content().string(not(containsString("/persons/" + id + "\""))));
        assertThat(personText(id)).isEqualTo(before);
        assertThat(reveals(id)).isZero();
    }

    @Test
    void authoritiesSeePersonsOfTheInstitutionsTheySuperviseOnly() throws Exception {
        String name = TestPersons.name();
        long id = idOf(register("college-admin", TestPersons.identityNumber(), name, "", "LEARNER"));

        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("zj-edu"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("浙江育训职业技术学院")));
        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("nb-edu")))).andExpect(status().isNotFound());
        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("hz-hrss")))).andExpect(status().isNotFound());
        mvc.perform(get("/persons/new").with(user(accounts.load("zj-edu")))).andExpect(status().isForbidden());
    }

    @Test
    void changingTheNameNeedsAConfirmation() throws Exception {
        String name = TestPersons.name();
        String corrected = TestPersons.name();
        long id = idOf(register("college-admin", TestPersons.identityNumber(), name, "", "LEARNER"));

        mvc.perform(post("/persons/{id}", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", corrected).param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "person.name.changeUnconfirmed"));
        assertThat(personRow(id)).containsEntry("name", name);

        mvc.perform(post("/persons/{id}", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", corrected).param("confirmNameChange", "true").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(personRow(id)).containsEntry("name", corrected).containsEntry("version", 1);
        Map<String, Object> audit = system(() -> jdbc.sql("""
                        select before::text as before, after::text as after from audit_event
                        where action = 'UPDATE' and object_type = 'Person' and object_id = ?""")
                .param(String.valueOf(id)).query().singleRow());
        assertThat((String) audit.get("before")).contains(name);
        assertThat((String) audit.get("after")).contains(corrected);
    }

    @Test
    void aStaleEditIsRefusedWithAClearMessage() throws Exception {
        String name = TestPersons.name();
        long id = idOf(register("college-admin", TestPersons.identityNumber(), name, "", "LEARNER"));
        mvc.perform(post("/persons/{id}", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", name).param("phone", "13911110000").param("version", "0"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/persons/{id}", id).with(user(accounts.load("trainer"))).with(csrf())
                        .param("name", name).param("phone", "13922220000").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该记录已被他人修改")));
        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString("139****0000")));
        assertThat(system(() -> jdbc.sql("select phone_masked from person_contact where person_id = ?").param(id)
                .query(String.class).single())).isEqualTo("139****0000");
    }

    @Test
    void editingThePhoneChangesOnlyTheOrganisationsOwnNumber() throws Exception {
        String number = TestPersons.identityNumber();
        String name = TestPersons.name();
        long id = idOf(register("college-admin", number, name, "13900005555", "LEARNER"));
        register("nb-college", number, name, "13900006666", "LEARNER");
        int version = (int) personRow(id).get("version");

        mvc.perform(post("/persons/{id}", id).with(user(accounts.load("nb-college"))).with(csrf())
                        .param("name", name).param("phone", "0574-87654321").param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("nb-college"))))
                .andExpect(content().string(containsString("0574-******21")));
        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString("139****5555")));
        mvc.perform(post("/persons/{id}", id).with(user(accounts.load("nb-college"))).with(csrf())
                        .param("name", name).param("removePhone", "true")
                        .param("version", String.valueOf(version + 1)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("nb-college"))))
                .andExpect(content().string(containsString("未登记")));
    }

    @Test
    void theRegisterFormOffersTheRelationshipsOfTheCallersOrganisation() throws Exception {
        mvc.perform(get("/persons/new").with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"LEARNER\"")))
                .andExpect(content().string(not(containsString("value=\"EMPLOYEE\""))));
        mvc.perform(get("/persons/new").with(user(accounts.load("ent-hr"))))
                .andExpect(content().string(containsString("value=\"EMPLOYEE\"")))
                .andExpect(content().string(not(containsString("value=\"LEARNER\""))));
        mvc.perform(get("/persons/new").with(user(accounts.load("admin"))))
                .andExpect(content().string(containsString("平台管理员登记的人员不关联任何单位")));
    }

    @Test
    void pagesSpeakEnglishOnRequest() throws Exception {
        mvc.perform(get("/persons").param("lang", "en").with(user(accounts.load("college-admin"))))
                .andExpect(content().string(containsString("Register a person")));
    }

    ResultActions register(String username, String number, String name, String phone, String relation)
            throws Exception {
        var request = post("/persons").with(user(accounts.load(username))).with(csrf())
                .param("documentType", "RESIDENT_ID_CARD").param("documentNumber", number).param("name", name)
                .param("phone", phone);
        if (relation != null) {
            request.param("relation", relation);
        }
        return mvc.perform(request);
    }

    static long idOf(ResultActions actions) throws Exception {
        String location = actions.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/persons/[0-9]+");
        return Long.parseLong(location.substring("/persons/".length()));
    }

    long countByName(String name) {
        return system(() -> jdbc.sql("select count(*) from person where name = ?").param(name)
                .query(Long.class).single());
    }

    /** The person with their links and contacts, as text that compares by value. */
    String personText(long id) {
        return system(() -> jdbc.sql("""
                        select p::text || (select coalesce(string_agg(l::text, ';' order by l::text), '') from person_link l
                                           where l.person_id = p.id)
                                       || (select coalesce(string_agg(c::text, ';' order by c::text), '')
                                           from person_contact c where c.person_id = p.id)
                        from person p where p.id = ?""")
                .param(id).query(String.class).single());
    }

    long reveals(long id) {
        return system(() -> jdbc.sql(
                        "select count(*) from audit_event where action = 'REVEAL_IDENTITY' and object_id = ?")
                .param(String.valueOf(id)).query(Long.class).single());
    }

    Map<String, Object> personRow(long id) {
        return system(() -> jdbc.sql("select * from person where id = ?").param(id).query().singleRow());
    }

    static <T> T system(java.util.function.Supplier<T> work) {
        return DataScope.asSystem(work);
    }

    private static long id() {
        return Math.abs(System.nanoTime());
    }

    static String withCheck(String first17) {
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    static String wrongCheck(String valid) {
        char check = valid.charAt(17);
        return valid.substring(0, 17) + (check == '0' ? '1' : '0');
    }
}
