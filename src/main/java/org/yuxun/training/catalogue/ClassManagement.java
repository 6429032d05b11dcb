package org.yuxun.training.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.Text;
import org.yuxun.training.catalogue.ProgrammeCatalogue.Named;

/**
 * Classes (培训班): one programme run for a group of learners between two dates, with a head teacher, venues and
 * a schedule. A class inherits its institution, region and whether it is subsidised from its programme, because
 * the data-scope policies of every training table read those columns.
 */
@Service
class ClassManagement {

    /** Search criteria of the class list. */
    record Criteria(String text, ClassStatus status, Long programmeId, LocalDate from, LocalDate to) {
    }

    /** A class as lists show it. */
    record ClassRow(long id, String name, long programmeId, String programmeName, LocalDate startDate,
                    LocalDate endDate, int capacity, long enrolled, ClassStatus status) {
    }

    /** A class with what its page shows. */
    record ClassView(long id, String name, long programmeId, String programmeName, FundingMode fundingMode,
                     java.math.BigDecimal theoryHours, java.math.BigDecimal practiceHours,
                     java.math.BigDecimal onlineHours, long institutionId, LocalDate startDate, LocalDate endDate,
                     int capacity, long enrolled, Long headTeacherId, String headTeacherName, Long enterpriseId,
                     String enterpriseName, List<Named> venues, ClassStatus status, String cancelReason,
                     int version) {
    }

    /** What a user enters to create or edit a class. */
    record ClassCommand(long programmeId, String name, LocalDate startDate, LocalDate endDate, int capacity,
                        Long headTeacherId, Long enterpriseId, List<Long> venueIds) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ProgrammeCatalogue programmes;
    private final OrganizationDirectory directory;

    ClassManagement(JdbcClient jdbc, AuditLog audit, ProgrammeCatalogue programmes, OrganizationDirectory directory) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.programmes = programmes;
        this.directory = directory;
    }

    Page<ClassRow> search(Criteria criteria, int page, int size) {
        StringBuilder where = new StringBuilder(" where class_in_staff_scope(c)");
        List<Object> params = new ArrayList<>();
        String text = Text.normalise(criteria.text());
        if (text != null && !text.isEmpty()) {
            where.append(" and (c.name ilike ? or p.name ilike ?)");
            params.add("%" + text + "%");
            params.add("%" + text + "%");
        }
        if (criteria.status() != null) {
            where.append(" and c.status = ?");
            params.add(criteria.status().name());
        }
        if (criteria.programmeId() != null) {
            where.append(" and c.programme_id = ?");
            params.add(criteria.programmeId());
        }
        if (criteria.from() != null) {
            where.append(" and c.end_date >= ?");
            params.add(criteria.from());
        }
        if (criteria.to() != null) {
            where.append(" and c.start_date <= ?");
            params.add(criteria.to());
        }
        String from = " from training_class c join programme p on p.id = c.programme_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<ClassRow> rows = jdbc.sql("""
                        select c.id, c.name, c.programme_id, p.name as programme_name, c.start_date, c.end_date,
                               c.capacity, c.status,
                               (select count(*) from enrolment e where e.class_id = c.id
                                  and e.status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')) as enrolled"""
                        + from + where + " order by c.start_date desc, c.id desc limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new ClassRow(rs.getLong("id"), rs.getString("name"), rs.getLong("programme_id"),
                        rs.getString("programme_name"), rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class), rs.getInt("capacity"), rs.getLong("enrolled"),
                        ClassStatus.valueOf(rs.getString("status"))))
                .list();
        return new Page<>(rows, page, size, total);
    }

    ClassView get(long id) {
        return jdbc.sql("""
                        select c.*, p.name as programme_name, p.funding_mode, p.theory_hours, p.practice_hours,
                               p.online_hours,
                               (select count(*) from enrolment e where e.class_id = c.id
                                  and e.status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')) as enrolled
                        from training_class c join programme p on p.id = c.programme_id
                        where c.id = ? and class_in_staff_scope(c)""")
                .param(id).query((rs, n) -> view(rs)).optional().orElseThrow(() -> new NotFound("TrainingClass", id));
    }

    /** Programmes a class may be created for: approved or published ones the caller can see. */
    List<Named> runnableProgrammes() {
        return jdbc.sql("""
                        select id, name from programme
                        where status in ('APPROVED', 'PUBLISHED') and programme_in_staff_scope(programme)
                        order by name""")
                .query((rs, n) -> new Named(rs.getLong("id"), rs.getString("name"))).list();
    }

    /** Users of the institution with the role TEACHER (names only, read in system scope for the institution). */
    List<Named> teachers(long institutionId) {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select distinct u.id, u.display_name from app_user u join user_role r on r.user_id = u.id
                        where u.org_kind = 'INSTITUTION' and u.org_id = ? and r.role_code = 'TEACHER' and u.enabled
                        order by u.display_name""")
                .param(institutionId).query((rs, n) -> new Named(rs.getLong("id"), rs.getString("display_name")))
                .list());
    }

    /** Venues the caller may use: the institution's own and its partner enterprises' sites. */
    List<Named> venues() {
        return jdbc.sql("select id, name from venue where active order by name")
                .query((rs, n) -> new Named(rs.getLong("id"), rs.getString("name"))).list();
    }

    List<Named> enterprises() {
        return programmes.partnerOptions();
    }

    @Transactional
    long create(ClassCommand command) {
        ProgrammeCatalogue.ProgrammeView programme = programmeFor(command);
        check(command, programme);
        long id = jdbc.sql("""
                        insert into training_class (programme_id, institution_id, institution_kind, region_code,
                            subsidised, name, start_date, end_date, capacity, head_teacher_id, enterprise_id)
                        select p.id, p.institution_id, p.institution_kind, p.region_code,
                               p.funding_mode = 'SUBSIDISED', ?, ?, ?, ?, ?, ?
                        from programme p where p.id = ? returning id""")
                .params(Text.normalise(command.name()), command.startDate(), command.endDate(), command.capacity(),
                        command.headTeacherId(), enterpriseOf(command, programme), programme.id())
                .query(Long.class).single();
        writeVenues(id, command.venueIds());
        audit.record("CREATE", "TrainingClass", id, command.name(), null, get(id));
        return id;
    }

    @Transactional
    void edit(long id, ClassCommand command, int version) {
        ClassView before = get(id);
        if (before.status() == ClassStatus.COMPLETED || before.status() == ClassStatus.CANCELLED) {
            throw new InvalidInput(null, "class.edit.closed", "已结业或已取消的培训班不能修改");
        }
        ProgrammeCatalogue.ProgrammeView programme = programmes.get(before.programmeId());
        ClassCommand same = new ClassCommand(before.programmeId(), command.name(), command.startDate(),
                command.endDate(), command.capacity(), command.headTeacherId(), command.enterpriseId(),
                command.venueIds());
        check(same, programme);
        Optional<String> outside = jdbc.sql("""
                        select to_char(starts_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') from class_session
                        where class_id = ? and ((starts_at at time zone 'Asia/Shanghai')::date < ?
                                                or (starts_at at time zone 'Asia/Shanghai')::date > ?)
                        order by starts_at limit 1""")
                .params(id, command.startDate(), command.endDate()).query(String.class).optional();
        if (outside.isPresent()) {
            throw new InvalidInput("startDate", "class.dates.sessionsOutside",
                    "{0} 已排有课次，培训班日期须包含所有课次", outside.get());
        }
        if (command.capacity() < before.enrolled()) {
            throw new InvalidInput("capacity", "class.capacity.belowEnrolled", "容量不能少于已报名人数 {0}",
                    before.enrolled());
        }
        int updated = jdbc.sql("""
                        update training_class set name = ?, start_date = ?, end_date = ?, capacity = ?,
                            head_teacher_id = ?, enterprise_id = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?""")
                .params(Text.normalise(command.name()), command.startDate(), command.endDate(), command.capacity(),
                        command.headTeacherId(), enterpriseOf(same, programme), id, version)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("TrainingClass " + id + " was changed by someone else");
        }
        jdbc.sql("delete from class_venue where class_id = ?").param(id).update();
        writeVenues(id, command.venueIds());
        audit.record("UPDATE", "TrainingClass", id, command.name(), before, get(id));
    }

    /**
     * Moves a class along PLANNED → ENROLLING → IN_PROGRESS, or cancels it with a reason. Completion is the
     * assessment's: it decides who completed.
     */
    @Transactional
    void changeStatus(long id, ClassStatus target, String reason, int version) {
        ClassView before = get(id);
        boolean allowed = switch (target) {
            case ENROLLING -> before.status() == ClassStatus.PLANNED;
            case IN_PROGRESS -> before.status() == ClassStatus.PLANNED || before.status() == ClassStatus.ENROLLING;
            case CANCELLED -> before.status() != ClassStatus.COMPLETED && before.status() != ClassStatus.CANCELLED;
            default -> false;
        };
        if (!allowed) {
            throw new InvalidInput(null, "class.transition." + target, "培训班当前状态不允许此操作");
        }
        String cleanReason = Text.normalise(reason);
        if (target == ClassStatus.CANCELLED && (cleanReason == null || cleanReason.isEmpty()
                || cleanReason.length() > 500)) {
            throw new InvalidInput("reason", "class.cancel.reasonRequired", "取消培训班须填写原因（不超过 500 字）");
        }
        int updated = jdbc.sql("""
                        update training_class set status = ?, cancel_reason = ?, version = version + 1,
                            updated_at = now()
                        where id = ? and version = ?""")
                .params(target.name(), target == ClassStatus.CANCELLED ? cleanReason : null, id, version).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("TrainingClass " + id + " was changed by someone else");
        }
        audit.record(target.name(), "TrainingClass", id, before.name()
                + (target == ClassStatus.CANCELLED ? "：" + cleanReason : ""), before.status(), target);
    }

    private ProgrammeCatalogue.ProgrammeView programmeFor(ClassCommand command) {
        ProgrammeCatalogue.ProgrammeView programme = programmes.find(command.programmeId())
                .filter(p -> ProgrammeCatalogue.state(p).runnable())
                .orElseThrow(() -> new InvalidInput("programmeId", "class.programme.notRunnable",
                        "只能为已审核或已发布的培训项目开班"));
        return programme;
    }

    private void check(ClassCommand command, ProgrammeCatalogue.ProgrammeView programme) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (command.startDate() != null && command.endDate() != null
                && command.endDate().isBefore(command.startDate())) {
            violations.add(violation("endDate", "class.dates.order", "结束日期不能早于开始日期"));
        }
        if (command.capacity() < 1) {
            violations.add(violation("capacity", "class.capacity.min", "容量至少为 1 人"));
        }
        if (command.headTeacherId() != null && teachers(programme.institutionId()).stream()
                .noneMatch(t -> t.id() == command.headTeacherId())) {
            violations.add(violation("headTeacherId", "class.teacher.unknown", "班主任须是本单位的教师"));
        }
        List<Named> venues = venues();
        for (Long venue : command.venueIds()) {
            if (venues.stream().noneMatch(v -> v.id() == venue)) {
                violations.add(violation("venueIds", "class.venue.unknown", "只能选择本单位或合作企业的场地"));
                break;
            }
        }
        if (programme.content().fundingMode() == FundingMode.COMMISSIONED) {
            if (command.enterpriseId() == null) {
                violations.add(violation("enterpriseId", "class.enterprise.required", "企业委托项目须选择委托企业"));
            } else if (enterprises().stream().noneMatch(e -> e.id() == command.enterpriseId())) {
                violations.add(violation("enterpriseId", "class.enterprise.unknown", "委托企业须是本单位的合作企业"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    private static Long enterpriseOf(ClassCommand command, ProgrammeCatalogue.ProgrammeView programme) {
        return programme.content().fundingMode() == FundingMode.COMMISSIONED ? command.enterpriseId() : null;
    }

    private static InvalidInput.Violation violation(String field, String code, String message) {
        return new InvalidInput.Violation(field, code, message, new Object[0]);
    }

    private void writeVenues(long id, List<Long> venueIds) {
        for (Long venue : venueIds.stream().distinct().toList()) {
            jdbc.sql("insert into class_venue (class_id, venue_id) values (?, ?)").params(id, venue).update();
        }
    }

    private ClassView view(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Long headTeacher = (Long) rs.getObject("head_teacher_id");
        Long enterprise = (Long) rs.getObject("enterprise_id");
        List<Named> venues = jdbc.sql("""
                        select v.id, v.name from class_venue cv join venue v on v.id = cv.venue_id
                        where cv.class_id = ? order by v.name""")
                .param(id).query((v, n) -> new Named(v.getLong("id"), v.getString("name"))).list();
        return new ClassView(id, rs.getString("name"), rs.getLong("programme_id"), rs.getString("programme_name"),
                FundingMode.valueOf(rs.getString("funding_mode")), rs.getBigDecimal("theory_hours"),
                rs.getBigDecimal("practice_hours"), rs.getBigDecimal("online_hours"), rs.getLong("institution_id"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getInt("capacity"), rs.getLong("enrolled"), headTeacher,
                headTeacher == null ? null : userName(headTeacher), enterprise,
                enterprise == null ? null : directory.enterpriseName(enterprise).orElse(null), venues,
                ClassStatus.valueOf(rs.getString("status")), rs.getString("cancel_reason"), rs.getInt("version"));
    }

    String userName(long userId) {
        return DataScope.asSystem(() -> jdbc.sql("select display_name from app_user where id = ?").param(userId)
                .query(String.class).optional().orElse(""));
    }
}
