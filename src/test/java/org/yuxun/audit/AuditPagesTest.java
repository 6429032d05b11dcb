package org.yuxun.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.identity.UserManagement;
import org.yuxun.identity.UserManagement.NewUser;
import org.yuxun.shared.DataScope;

@IntegrationTest
class AuditPagesTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    UserManagement users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsEntriesByUserObjectActionAndTime() throws Exception {
        long id = resetPasswordOfANewUser("college-admin");
        CurrentUser admin = accounts.load("admin");
        String today = LocalDate.now(CHINA).toString();
        String tomorrow = LocalDate.now(CHINA).plusDays(1).toString();

        mvc.perform(get("/audit").param("objectType", "User").param("objectId", String.valueOf(id))
                        .with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("重置密码")))
                .andExpect(content().string(containsString("新增")))
                .andExpect(content().string(containsString("mustChangePassword")));
        mvc.perform(get("/audit").param("objectId", String.valueOf(id)).param("action", "RESET_PASSWORD")
                        .param("username", "college-adm").with(user(admin)))
                .andExpect(content().string(containsString("共 1 条")));
        mvc.perform(get("/audit").param("objectId", String.valueOf(id)).param("username", "nb-college")
                        .with(user(admin)))
                .andExpect(content().string(containsString("没有符合条件的记录")));
        mvc.perform(get("/audit").param("objectId", String.valueOf(id)).param("action", "RESET_PASSWORD")
                        .param("from", today).param("to", today).with(user(admin)))
                .andExpect(content().string(containsString("共 1 条")));
        mvc.perform(get("/audit").param("objectId", String.valueOf(id)).param("from", tomorrow)
                        .with(user(admin)))
                .andExpect(content().string(containsString("没有符合条件的记录")));
    }

    @Test
    void anInstitutionAdministratorSeesOnlyTheirOwnOrganisationsEntries() throws Exception {
        long ours = resetPasswordOfANewUser("college-admin");
        long theirs = resetPasswordOfANewUser("nb-college");
        CurrentUser collegeAdmin = accounts.load("college-admin");
        // by type and id: other kinds of objects of the college may carry the same numeric id
        mvc.perform(get("/audit").param("objectType", "User").param("objectId", String.valueOf(ours))
                        .with(user(collegeAdmin)))
                .andExpect(content().string(containsString("重置密码")));
        mvc.perform(get("/audit").param("objectType", "User").param("objectId", String.valueOf(theirs))
                        .with(user(collegeAdmin)))
                .andExpect(content().string(containsString("没有符合条件的记录")));
        mvc.perform(get("/audit").param("username", "nb-college").with(user(collegeAdmin)))
                .andExpect(content().string(containsString("没有符合条件的记录")));
        mvc.perform(get("/audit").param("objectType", "User").param("objectId", String.valueOf(theirs))
                        .with(user(accounts.load("nb-college"))))
                .andExpect(content().string(containsString("重置密码")));
    }

    @Test
    void exportsTheFilteredEntriesToExcelAndRecordsTheExport() throws Exception {
        long id = resetPasswordOfANewUser("college-admin");
        byte[] xlsx = mvc.perform(get("/audit/export").param("objectType", "User")
                        .param("objectId", String.valueOf(id)).with(user(accounts.load("admin"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        containsString("spreadsheetml.sheet")))
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        assertThat(rows.getFirst()).contains("时间", "用户", "操作", "对象 ID", "变更前", "变更后");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains("RESET_PASSWORD", "college-admin", String.valueOf(id));
        assertThat(rows.get(2)).contains("CREATE", String.valueOf(id));

        long exports = DataScope.asSystem(() -> jdbc.sql("""
                        select count(*) from audit_event
                        where action = 'EXPORT' and username = 'admin' and after ->> 'objectId' = ?""")
                .param(String.valueOf(id)).query(Long.class).single());
        assertThat(exports).isEqualTo(1);
    }

    @Test
    void signInsAndFailedSignInsBelongToTheAccountsOrganisation() throws Exception {
        CurrentUser collegeAdmin = accounts.load("college-admin");
        String username = "audit-login-" + Long.toString(System.nanoTime(), 36);
        DataScope.as(collegeAdmin.dataScope(), () -> users.create(collegeAdmin, new NewUser(username, "登录审计",
                null, null, Set.of("TEACHER"), "Initial2026x", "Initial2026x")));
        mvc.perform(formLogin().user(username).password("Wrong2026xx"));
        mvc.perform(formLogin().user(username).password("Initial2026x"));

        mvc.perform(get("/audit").param("username", username).with(user(collegeAdmin)))
                .andExpect(content().string(containsString("登录失败")))
                .andExpect(content().string(containsString("共 2 条")));
        mvc.perform(get("/audit").param("username", username).with(user(accounts.load("nb-college"))))
                .andExpect(content().string(containsString("没有符合条件的记录")));
    }

    @Test
    void aUserWithoutTheAuditPermissionCannotSearchOrExport() throws Exception {
        mvc.perform(get("/audit").with(user(accounts.load("teacher")))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export").with(user(accounts.load("teacher")))).andExpect(status().isForbidden());
    }

    @Test
    void refusesAMalformedDate() throws Exception {
        mvc.perform(get("/audit").param("from", "yesterday").with(user(accounts.load("admin"))))
                .andExpect(status().is4xxClientError());
    }

    /** Opens an account in the administrator's institution and resets its password; returns the account id. */
    private long resetPasswordOfANewUser(String administrator) throws Exception {
        CurrentUser actor = accounts.load(administrator);
        String username = "audit-" + Long.toString(System.nanoTime(), 36);
        long id = DataScope.as(actor.dataScope(), () -> users.create(actor, new NewUser(username, "审计测试",
                null, null, Set.of("TEACHER"), "Initial2026x", "Initial2026x")));
        int version = DataScope.asSystem(() -> jdbc.sql("select version from app_user where id = ?")
                .param(id).query(Integer.class).single());
        mvc.perform(post("/users/{id}/password", id).with(user(actor)).with(csrf())
                        .param("password", "Another2026x").param("confirmPassword", "Another2026x")
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        return id;
    }
}
