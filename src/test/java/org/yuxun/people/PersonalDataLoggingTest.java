package org.yuxun.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.shared.DataScope;

/**
 * No identity number or phone in logs (DESIGN.md, "Personal data (PIPL)"). Captures everything logged while a
 * person is registered, refused, found, edited and revealed, with SQL parameter tracing on, and looks for the
 * numbers in every message, argument and stack trace. Plain numbers never reach the database either, so no SQL
 * error text can echo one.
 */
@IntegrationTest
class PersonalDataLoggingTest {

    private static final List<String> VERBOSE = List.of("org.springframework.jdbc", "org.springframework.web",
            "org.springframework.security", "org.springframework.transaction", "org.yuxun");

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<String, Level> levels = new HashMap<>();

    @BeforeEach
    void captureEverything() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(context);
        captured.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(captured);
        for (String name : VERBOSE) {
            Logger logger = context.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
    }

    @AfterEach
    void restore() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        captured.stop();
    }

    @Test
    void registeringRefusingSearchingEditingAndRevealingLogNeitherTheNumberNorThePhone() throws Exception {
        String number = TestPersons.identityNumber();
        String mistyped = PersonPagesTest.wrongCheck(number);
        String name = TestPersons.name();
        String phone = TestPersons.mobile();
        String otherPhone = TestPersons.mobile();

        register("college-admin", mistyped, name, phone).andExpect(status().isOk());
        long id = PersonPagesTest.idOf(register("college-admin", number, name, phone));
        register("nb-college", number, TestPersons.name(), otherPhone).andExpect(status().isOk());
        register("nb-college", number, name, otherPhone).andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/persons").with(user(accounts.load("trainer")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documentNumber\": \"%s\", \"name\": \"%s\", \"phone\": \"%s\"}"
                                .formatted(number, name, phone)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/persons").with(user(accounts.load("trainer")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documentNumber\": \"%s\", \"name\": \"\", \"phone\": \"%s\"}"
                                .formatted(mistyped, phone + "9")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/persons/search").param("q", number).with(user(accounts.load("college-admin"))).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/persons/search").with(user(accounts.load("college-admin")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"q\": \"" + number + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/persons/{id}", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", name).param("phone", otherPhone).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/persons/{id}", id).with(user(accounts.load("college-admin"))).with(csrf())
                        .param("name", name).param("phone", "12" + phone).param("version", "1"))
                .andExpect(status().isOk());
        mvc.perform(post("/persons/{id}/reveal", id).with(user(accounts.load("college-admin"))).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/persons/{id}/reveal-phone", id).with(user(accounts.load("college-admin"))).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/persons/{id}/reveal", id).with(user(accounts.load("college-admin"))))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/persons/{id}/reveal", id).with(user(accounts.load("trainer"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/persons/{id}", id).with(user(accounts.load("nb-college")))).andExpect(status().isOk());

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    line.append(' ').append(argument);
                }
            }
            if (event.getThrowableProxy() != null) {
                line.append(' ').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            event.getMDCPropertyMap().forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
            lines.add(line.toString());
        }
        assertThat(lines).as("SQL was traced, so the capture works").anyMatch(l -> l.contains("insert into person"));
        for (String secret : List.of(number, number.substring(0, 17), mistyped, phone, otherPhone)) {
            assertThat(lines.stream().filter(l -> l.contains(secret)).toList())
                    .as("log lines containing a personal number").isEmpty();
        }
    }

    @Test
    void noPlainNumberIsStoredInAnyColumnOrAuditEntry() throws Exception {
        String number = TestPersons.identityNumber();
        String phone = TestPersons.mobile();
        long id = PersonPagesTest.idOf(register("college-admin", number, TestPersons.name(), phone));
        mvc.perform(post("/persons/{id}/reveal", id).with(user(accounts.load("college-admin"))).with(csrf()))
                .andExpect(status().isOk());

        String stored = DataScope.asSystem(() -> jdbc.sql("""
                        select p::text
                               || coalesce((select string_agg(c::text, ';') from person_contact c
                                            where c.person_id = p.id), '')
                               || coalesce((select string_agg(a::text, ';') from audit_event a
                                            where a.object_type = 'Person' and a.object_id = p.id::text), '')
                        from person p where p.id = ?""")
                .param(id).query(String.class).single());

        assertThat(stored).contains("REVEAL_IDENTITY").doesNotContain(number).doesNotContain(number.substring(0, 17))
                .doesNotContain(phone);
    }

    private org.springframework.test.web.servlet.ResultActions register(String username, String number, String name,
                                                                        String phone) throws Exception {
        return mvc.perform(post("/persons").with(user(accounts.load(username))).with(csrf())
                .param("documentType", "RESIDENT_ID_CARD").param("documentNumber", number).param("name", name)
                .param("phone", phone).param("relation", "LEARNER"));
    }
}
