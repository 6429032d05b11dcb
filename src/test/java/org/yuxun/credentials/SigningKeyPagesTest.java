package org.yuxun.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.shared.DataScope;

/**
 * Key rotation by staff: an institution's administrator rotates their own institution's key (audited, earlier
 * credentials still verify); another institution's administrator neither sees nor reaches it; a teacher may not.
 */
@IntegrationTest
class SigningKeyPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Credentials credentials;

    @Autowired
    JdbcClient jdbc;

    private IssuedCredential issueFor(CurrentUser admin) {
        return credentials.issue(new AchievementClaim(UUID.randomUUID(), admin.orgId(), "浙江育训职业技术学院", "李四",
                "330106199001010038", "电工（四级）", "完成电工四级培训并通过考核。", "Certificate",
                "ZJYX-KEY-" + UUID.randomUUID(), new BigDecimal("80"), 4, Instant.parse("2026-11-01T00:00:00Z"),
                null));
    }

    private int currentVersion(long issuerId) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select max(version) from credential_signing_key where issuer_id = ?""")
                .param(issuerId).query(Integer.class).single());
    }

    @Test
    void anInstitutionAdministratorRotatesTheirOwnKeyAndEarlierCredentialsStillVerify() throws Exception {
        CurrentUser admin = accounts.load("college-admin");
        IssuedCredential before = issueFor(admin);
        int version = currentVersion(admin.orgId());

        String page = mvc.perform(get("/signing-keys").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(admin.orgId() + "-v" + version).contains("浙江育训职业技术学院")
                .contains("href=\"/signing-keys\"");

        mvc.perform(post("/signing-keys/" + admin.orgId() + "/rotate").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(currentVersion(admin.orgId())).isEqualTo(version + 1);
        IssuedCredential after = issueFor(admin);
        assertThat(after.kid()).isEqualTo(admin.orgId() + "-v" + (version + 1));
        assertThat(credentials.verify(before.jwt()).valid()).isTrue();
        assertThat(credentials.verify(after.jwt()).valid()).isTrue();
        long audited = DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event where action = 'credential.key.rotate' and object_id = ?
                                                     and username = 'college-admin'""")
                .param(String.valueOf(admin.orgId())).query(Long.class).single());
        assertThat(audited).isPositive();
    }

    @Test
    void anotherInstitutionsAdministratorNeitherSeesNorRotatesTheKey() throws Exception {
        CurrentUser owner = accounts.load("college-admin");
        issueFor(owner);
        int version = currentVersion(owner.orgId());
        CurrentUser other = accounts.load("nb-college");

        String page = mvc.perform(get("/signing-keys").with(user(other))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(owner.orgId() + "-v");
        mvc.perform(post("/signing-keys/" + owner.orgId() + "/rotate").with(user(other)).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(currentVersion(owner.orgId())).isEqualTo(version);
    }

    @Test
    void aTeacherMayNotRotateKeys() throws Exception {
        CurrentUser owner = accounts.load("college-admin");
        issueFor(owner);
        int version = currentVersion(owner.orgId());

        mvc.perform(post("/signing-keys/" + owner.orgId() + "/rotate").with(user(accounts.load("teacher")))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(currentVersion(owner.orgId())).isEqualTo(version);
    }

    @Test
    void thePlatformAdministratorSeesEveryIssuersKeys() throws Exception {
        CurrentUser owner = accounts.load("college-admin");
        issueFor(owner);

        String page = mvc.perform(get("/signing-keys").with(user(accounts.load("admin")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(owner.orgId() + "-v");
    }
}
