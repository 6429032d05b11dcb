package org.yuxun.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.IntegrationTest;
import org.yuxun.identity.Accounts;
import org.yuxun.identity.CurrentUser;
import org.yuxun.people.PersonRef.Outcome;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.DocumentType;

/**
 * Two institutions registering the same new person at the same moment must end with one person (DESIGN.md:
 * one person record per human).
 */
@IntegrationTest
class ConcurrentRegistrationTest {

    @Autowired
    PersonRegistry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MockMvc mvc;

    /**
     * The race made certain: the first registration has inserted the person but not committed when the second
     * one tries to insert the same document, which therefore waits on the unique hash, and after the commit finds
     * and links the first one's row.
     */
    @Test
    void aRegistrationWaitingOnAnUncommittedInsertOfTheSamePersonLinksToIt() throws Exception {
        String number = TestPersons.identityNumber();
        String name = TestPersons.name();
        RegisterPerson command = new RegisterPerson(DocumentType.RESIDENT_ID_CARD, number, name, null);
        CurrentUser college = accounts.load("college-admin");
        CurrentUser ningbo = accounts.load("nb-college");
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<PersonRef> first = threads.submit(() -> TestPersons.as(college,
                    () -> new TransactionTemplate(transactions).execute(status -> {
                        PersonRef ref = registry.register(command, relation(college));
                        inserted.countDown();
                        await(commit);
                        return ref;
                    })));
            assertThat(inserted.await(60, TimeUnit.SECONDS)).isTrue();
            Future<PersonRef> second = threads.submit(
                    () -> TestPersons.as(ningbo, () -> registry.register(command, relation(ningbo))));

            assertThat(waitForAnInsertBlockedOnALock()).as("second registration waits for the first").isTrue();
            commit.countDown();
            PersonRef a = first.get(60, TimeUnit.SECONDS);
            PersonRef b = second.get(60, TimeUnit.SECONDS);

            assertThat(a.outcome()).isEqualTo(Outcome.REGISTERED);
            assertThat(b.outcome()).isEqualTo(Outcome.LINKED);
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(persons(name)).isEqualTo(1);
            assertThat(links(a.id())).isEqualTo(2);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void twoInstitutionsPostingTheSameNewNumberAtOnceEndWithOnePerson() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String number = TestPersons.identityNumber();
                String name = TestPersons.name();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> posts = List.of(
                        threads.submit(posting(start, "college-admin", number, name)),
                        threads.submit(posting(start, "nb-college", number, name)));
                start.countDown();
                for (Future<Integer> status : posts) {
                    assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(302);
                }
                assertThat(persons(name)).isEqualTo(1);
                long id = DataScope.asSystem(() -> jdbc.sql("select id from person where name = ?").param(name)
                        .query(Long.class).single());
                assertThat(links(id)).isEqualTo(2);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private Callable<Integer> posting(CountDownLatch start, String username, String number, String name) {
        CurrentUser caller = accounts.load(username);
        return () -> {
            await(start);
            return mvc.perform(post("/persons").with(user(caller)).with(csrf())
                            .param("documentType", "RESIDENT_ID_CARD").param("documentNumber", number)
                            .param("name", name).param("relation", "LEARNER"))
                    .andReturn().getResponse().getStatus();
        };
    }

    private OrgRelation relation(CurrentUser user) {
        return new OrgRef(OrgRef.Kind.INSTITUTION, user.orgId()).as(Relation.LEARNER);
    }

    /** Polls PostgreSQL until a session of the application waits on a lock while inserting a person. */
    private boolean waitForAnInsertBlockedOnALock() throws InterruptedException {
        for (int attempt = 0; attempt < 3000; attempt++) {
            long waiting = jdbc.sql("""
                            select count(*) from pg_stat_activity
                            where wait_event_type = 'Lock' and query like '%insert into person (%'""")
                    .query(Long.class).single();
            if (waiting > 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private long persons(String name) {
        return DataScope.asSystem(() -> jdbc.sql("select count(*) from person where name = ?").param(name)
                .query(Long.class).single());
    }

    private long links(long personId) {
        return DataScope.asSystem(() -> jdbc.sql("select count(*) from person_link where person_id = ?")
                .param(personId).query(Long.class).single());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gave up waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
