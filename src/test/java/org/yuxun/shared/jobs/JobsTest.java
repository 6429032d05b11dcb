package org.yuxun.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yuxun.IntegrationTest;
import org.yuxun.shared.DataScope;

@IntegrationTest
class JobsTest {

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aJobWhoseHeartbeatStoppedIsTakenOverWhileALiveOneIsLeftAlone() throws InterruptedException {
        long orphaned = running("3 minutes");
        long alive = running("0 minutes");
        jobs.poll();
        assertThat(await(orphaned)).as("the orphaned job ran again and finished").isIn("FAILED", "SUCCEEDED");
        assertThat(state(alive)).isEqualTo("RUNNING");
        assertThat(DataScope.asSystem(() -> jdbc.sql("select error from job where id = ?").param(orphaned)
                .query(String.class).single())).isNotBlank();
    }

    @Test
    void onlyItsOwnerSeesAJob() {
        long job = DataScope.asSystem(() -> jdbc.sql("""
                        insert into job (kind, parameters, owner_id, scope, state)
                        values ('enrolment.import.validate', '{}', -1, '{"kind":"SYSTEM"}', 'FAILED') returning id""")
                .query(Long.class).single());
        DataScope someoneElse = new DataScope(DataScope.Kind.INSTITUTION, -2L, null, 1L, null);
        assertThat(DataScope.as(someoneElse, () -> jobs.find(job))).isEmpty();
        DataScope owner = new DataScope(DataScope.Kind.INSTITUTION, -1L, null, 1L, null);
        assertThat(DataScope.as(owner, () -> jobs.find(job))).isPresent();
    }

    private long running(String silentFor) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        insert into job (kind, parameters, scope, state, started_at, heartbeat_at)
                        values ('enrolment.import.validate', '{"classId": 999999999, "file": "missing"}',
                                '{"kind":"SYSTEM"}', 'RUNNING', now(), now() - cast(? as interval))
                        returning id""")
                .param(silentFor).query(Long.class).single());
    }

    private String state(long id) {
        return DataScope.asSystem(() -> jdbc.sql("select state from job where id = ?").param(id)
                .query(String.class).single());
    }

    private String await(long id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String state = state(id);
            if (!state.equals("RUNNING") && !state.equals("QUEUED")) {
                return state;
            }
            Thread.sleep(100);
        }
        return state(id);
    }
}
