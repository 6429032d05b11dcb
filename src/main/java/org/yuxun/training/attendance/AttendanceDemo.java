package org.yuxun.training.attendance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yuxun.demo.DemoContext;
import org.yuxun.demo.DemoExtension;

/**
 * Attendance of the demo college's classes, as the catalogue and enrolment parts of the demo left them: in the
 * class under way, check-ins for the sessions already held (most learners there), online study time and a pending
 * leave request; in the class completed last month, full attendance except two learners at about 60 %, below the
 * 80 % completion threshold. Devices and addresses look like phones on the campus Wi-Fi. Where those classes do
 * not exist, nothing is added.
 */
@Component
@Order(300)
class AttendanceDemo implements DemoExtension {

    private static final String[] PHONES = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
                + " MicroMessenger/8.0.49",
        "Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 Chrome/118.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 13; 22081212C) AppleWebKit/537.36 Chrome/116.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-AN00) AppleWebKit/537.36 Chrome/99.0 Mobile Safari/537.36"};

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private record Session(long id, Instant startsAt, Instant endsAt, String kind, BigDecimal hours) {
    }

    private record Learner(long enrolmentId, long personId, long institutionId) {
    }

    private final JdbcClient jdbc;

    AttendanceDemo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void load(DemoContext context) {
        Random random = new Random(20261123);
        Instant now = Instant.now();
        jdbc.sql("""
                        select id from training_class where institution_id = ? and status = 'IN_PROGRESS'
                        order by id limit 1""")
                .param(context.college()).query(Long.class).optional()
                .ifPresent(id -> inProgress(id, now, random));
        jdbc.sql("""
                        select id from training_class where institution_id = ? and status = 'COMPLETED'
                        order by id limit 1""")
                .param(context.college()).query(Long.class).optional()
                .ifPresent(id -> completed(id, random));
    }

    void inProgress(long classId, Instant now, Random random) {
        List<Learner> learners = learners(classId);
        List<Session> sessions = sessions(classId);
        for (Session session : sessions) {
            if (!session.endsAt().isBefore(now)) {
                continue;
            }
            for (Learner learner : learners) {
                if ("ONLINE".equals(session.kind())) {
                    long seconds = session.hours().multiply(SECONDS_PER_HOUR).longValue();
                    study(session, learner, (long) (seconds * (0.75 + random.nextDouble() * 0.25)));
                } else if (random.nextInt(10) < 9) {
                    attend(session, learner, random);
                }
            }
        }
        Learner wang = learners.stream().filter(l -> isDemoLearner(l.personId())).findFirst()
                .orElse(learners.isEmpty() ? null : learners.getFirst());
        sessions.stream().filter(s -> s.startsAt().isAfter(now)).findFirst().ifPresent(next -> {
            if (wang != null) {
                jdbc.sql("""
                                insert into leave_request (enrolment_id, session_id, institution_id, reason)
                                values (?, ?, ?, '单位安排夜班，无法到课') on conflict do nothing""")
                        .params(wang.enrolmentId(), next.id(), wang.institutionId()).update();
            }
        });
    }

    void completed(long classId, Random random) {
        List<Learner> learners = learners(classId);
        List<Session> sessions = sessions(classId);
        int weak = Math.max(0, learners.size() - 2);
        for (int l = 0; l < learners.size(); l++) {
            Learner learner = learners.get(l);
            for (int s = 0; s < sessions.size(); s++) {
                Session session = sessions.get(s);
                boolean present = l >= weak ? s % 5 < 3 : s != sessions.size() - 1 || l % 7 != 0;
                if (!present) {
                    continue;
                }
                if ("ONLINE".equals(session.kind())) {
                    study(session, learner, session.hours().multiply(SECONDS_PER_HOUR).longValue());
                } else {
                    attend(session, learner, random);
                }
            }
        }
    }

    private boolean isDemoLearner(long personId) {
        return jdbc.sql("select exists (select 1 from app_user where username = 'learner' and person_id = ?)")
                .param(personId).query(Boolean.class).single();
    }

    private void attend(Session session, Learner learner, Random random) {
        Instant in = session.startsAt().minusSeconds(60 + random.nextInt(900));
        check(session, learner, "IN", in, random);
        if ("PRACTICE".equals(session.kind())) {
            check(session, learner, "OUT", session.endsAt().plusSeconds(random.nextInt(600)), random);
        }
    }

    private void check(Session session, Learner learner, String direction, Instant at, Random random) {
        String device = CheckInEndpoint.fingerprint("demo-device-" + learner.personId(), phone(learner));
        jdbc.sql("""
                        insert into check_in (session_id, enrolment_id, institution_id, person_id, direction, at,
                                              method, token_id, device_fingerprint, ip, user_agent)
                        values (?, ?, ?, ?, ?, ?, 'QR', ?, ?, ?, ?) on conflict do nothing""")
                .params(session.id(), learner.enrolmentId(), learner.institutionId(), learner.personId(), direction,
                        Timestamp.from(at), Long.toUnsignedString(random.nextLong(), 36), device,
                        "10.23." + (16 + learner.personId() % 8) + "." + (20 + learner.personId() % 200),
                        phone(learner))
                .update();
    }

    private void study(Session session, Learner learner, long seconds) {
        long credited = Math.min(seconds, session.hours().multiply(SECONDS_PER_HOUR).longValue());
        jdbc.sql("""
                        insert into online_study (session_id, enrolment_id, institution_id, credited_seconds,
                                                  last_heartbeat_at, last_activity_at, heartbeats)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(session.id(), learner.enrolmentId(), learner.institutionId(), credited,
                        Timestamp.from(session.endsAt()), Timestamp.from(session.endsAt()), credited / 30)
                .update();
    }

    private static String phone(Learner learner) {
        return PHONES[(int) (learner.personId() % PHONES.length)];
    }

    private List<Learner> learners(long classId) {
        return jdbc.sql("""
                        select id as enrolment_id, person_id, institution_id from enrolment
                        where class_id = ? and status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED') order by id""")
                .param(classId).query(Learner.class).list();
    }

    private List<Session> sessions(long classId) {
        return jdbc.sql("""
                        select id, starts_at, ends_at, kind, hours from class_session
                        where class_id = ? order by starts_at""")
                .param(classId).query(Session.class).list();
    }
}
