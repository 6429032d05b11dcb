package org.yuxun.training.catalogue;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.identity.CurrentUser;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.organization.OrganizationDirectory.InstitutionInfo;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.Text;

/**
 * The programme catalogue (培训项目) of an institution: designed with partner enterprises, approved by the
 * institution, published for learners (seeds/001 §二(一)–(五)). Every query runs in the caller's data scope.
 */
@Service
class ProgrammeCatalogue {

    /** Search criteria of the programme list; every part optional. */
    record Criteria(String text, ProgrammeStatus status, ProgrammeType type, FundingMode fundingMode,
                    IndustryField industryField) {
    }

    /** A programme as the list shows it. */
    record ProgrammeRow(long id, String name, ProgrammeType type, FundingMode fundingMode, IndustryField industryField,
                        String occupationName, Integer skillLevel, BigDecimal totalHours, BigDecimal fee,
                        ProgrammeStatus status) {
    }

    /** A named party: an enterprise, an evaluator, a user. */
    record Named(long id, String name) {
    }

    /** An attached standard. */
    record DocumentView(long id, DocumentKind kind, String fileName, long sizeBytes, Instant uploadedAt) {
    }

    /** A programme with everything its page shows. */
    record ProgrammeView(long id, long institutionId, String institutionName, ProgrammeContent content,
                         List<Named> partners, String evaluatorName, List<DocumentView> documents,
                         ProgrammeStatus status, Instant submittedAt, String approvedBy, Instant approvedAt,
                         Instant publishedAt, int version) {

        public String name() {
            return content.name();
        }
    }

    private static final String ROW_COLUMNS = """
            id, name, type, funding_mode, industry_field, occupation_name, skill_level,
            theory_hours + practice_hours + online_hours as total_hours, fee, status""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final OrganizationDirectory directory;

    ProgrammeCatalogue(JdbcClient jdbc, AuditLog audit, OrganizationDirectory directory) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
    }

    Page<ProgrammeRow> search(Criteria criteria, int page, int size) {
        StringBuilder where = new StringBuilder(" where programme_in_staff_scope(programme)");
        List<Object> params = new ArrayList<>();
        String text = Text.normalise(criteria.text());
        if (text != null && !text.isEmpty()) {
            where.append(" and (name ilike ? or occupation_name ilike ? or occupation_code like ?)");
            params.add("%" + text + "%");
            params.add("%" + text + "%");
            params.add(text + "%");
        }
        filter(where, params, "status", criteria.status());
        filter(where, params, "type", criteria.type());
        filter(where, params, "funding_mode", criteria.fundingMode());
        filter(where, params, "industry_field", criteria.industryField());
        long total = jdbc.sql("select count(*) from programme" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<ProgrammeRow> rows = jdbc.sql("select " + ROW_COLUMNS + " from programme" + where
                        + " order by updated_at desc, id desc limit ? offset ?")
                .params(pageParams).query((rs, n) -> row(rs)).list();
        return new Page<>(rows, page, size, total);
    }

    private static void filter(StringBuilder where, List<Object> params, String column, Enum<?> value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value.name());
        }
    }

    ProgrammeView get(long id) {
        return find(id).orElseThrow(() -> new NotFound("Programme", id));
    }

    /** A programme the caller manages or oversees: published programmes of others are not theirs to manage. */
    Optional<ProgrammeView> find(long id) {
        return jdbc.sql("select * from programme where id = ? and programme_in_staff_scope(programme)").param(id)
                .query((rs, n) -> view(rs)).optional();
    }

    /** A programme as the public may read it (row-level security shows everyone the published ones). */
    Optional<ProgrammeView> findPublished(long id) {
        return jdbc.sql("select * from programme where id = ? and status = 'PUBLISHED'").param(id)
                .query((rs, n) -> view(rs)).optional();
    }

    /** Enterprises the institution works with (RLS shows an institution only its partners). */
    List<Named> partnerOptions() {
        return jdbc.sql("select id, name from enterprise where active order by name")
                .query((rs, n) -> new Named(rs.getLong("id"), rs.getString("name"))).list();
    }

    /**
     * Evaluation organisations and registered evaluators: other institutions, so they are listed in system scope,
     * names only.
     */
    List<Named> evaluatorOptions() {
        return DataScope.asSystem(() -> jdbc.sql("""
                        select id, name from institution
                        where active and (kind = 'EVALUATION_ORGANISATION' or registered_evaluator)
                        order by name""")
                .query((rs, n) -> new Named(rs.getLong("id"), rs.getString("name"))).list());
    }

    /**
     * Occupations of the 国家职业分类大典 matching a code prefix or part of a name, for the picker: the name is what
     * the user picks, the code is filled in on saving.
     */
    List<Named> occupations(String text) {
        String q = Text.normalise(text);
        if (q == null || q.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select code, name from occupation where code like ? or name like ? order by code limit 20")
                .params(q + "%", "%" + q + "%")
                .query((rs, n) -> new Named(0, rs.getString("name"))).list();
    }

    @Transactional
    long create(CurrentUser user, ProgrammeContent content) {
        InstitutionInfo institution = institutionOf(user);
        ProgrammeContent checked = check(content);
        long id = jdbc.sql("""
                        insert into programme (institution_id, institution_kind, region_code, name, type, funding_mode,
                            target_groups, industry_field, occupation_code, occupation_name, skill_level,
                            theory_hours, practice_hours, online_hours, delivery_mode, fee, completion_award,
                            award_level, evaluator_id, attendance_threshold, theory_weight, pass_mark, description)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(institution.id(), institution.kind().name(), institution.regionCode(), checked.name(),
                        checked.type().name(), checked.fundingMode().name(), groups(checked),
                        checked.industryField().name(), checked.occupationCode(), checked.occupationName(),
                        checked.skillLevel(), hours(checked.theoryHours()), hours(checked.practiceHours()),
                        hours(checked.onlineHours()), checked.deliveryMode().name(), hours(checked.fee()),
                        checked.completionAward().name(), checked.awardLevel(), checked.evaluatorId(),
                        checked.attendanceThreshold(), checked.theoryWeight(), checked.passMark(),
                        checked.description())
                .query(Long.class).single();
        writeChildren(id, institution.id(), checked);
        audit.record("CREATE", "Programme", id, checked.name(), null, get(id).content());
        return id;
    }

    @Transactional
    void edit(long id, ProgrammeContent content, int version) {
        ProgrammeView before = get(id);
        state(before).requireEditable();
        ProgrammeContent checked = check(content);
        int updated = jdbc.sql("""
                        update programme set name = ?, type = ?, funding_mode = ?, target_groups = ?,
                            industry_field = ?, occupation_code = ?, occupation_name = ?, skill_level = ?,
                            theory_hours = ?, practice_hours = ?, online_hours = ?, delivery_mode = ?, fee = ?,
                            completion_award = ?, award_level = ?, evaluator_id = ?, attendance_threshold = ?,
                            theory_weight = ?, pass_mark = ?, description = ?, version = version + 1,
                            updated_at = now()
                        where id = ? and version = ?""")
                .params(checked.name(), checked.type().name(), checked.fundingMode().name(), groups(checked),
                        checked.industryField().name(), checked.occupationCode(), checked.occupationName(),
                        checked.skillLevel(), hours(checked.theoryHours()), hours(checked.practiceHours()),
                        hours(checked.onlineHours()), checked.deliveryMode().name(), hours(checked.fee()),
                        checked.completionAward().name(), checked.awardLevel(), checked.evaluatorId(),
                        checked.attendanceThreshold(), checked.theoryWeight(), checked.passMark(),
                        checked.description(), id, version)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("Programme " + id + " was changed by someone else");
        }
        jdbc.sql("delete from programme_module where programme_id = ?").param(id).update();
        jdbc.sql("delete from programme_partner where programme_id = ?").param(id).update();
        writeChildren(id, before.institutionId(), checked);
        audit.record("UPDATE", "Programme", id, checked.name(), before.content(), get(id).content());
    }

    /** A lifecycle action; {@code action} names the audit entry. */
    @Transactional
    void transition(long id, int version, String action, CurrentUser user) {
        ProgrammeView before = get(id);
        Programme current = state(before);
        if (current.version() != version) {
            throw new OptimisticLockingFailureException("Programme " + id + " was changed by someone else");
        }
        Programme next = switch (action) {
            case "SUBMIT" -> current.submit();
            case "RETURN" -> current.returnToDraft();
            case "APPROVE" -> current.approve();
            case "PUBLISH" -> current.publish();
            case "RETIRE" -> current.retire();
            default -> throw new IllegalArgumentException(action);
        };
        String stamp = switch (next.status()) {
            case SUBMITTED -> ", submitted_at = now()";
            case APPROVED -> ", approved_at = now(), approved_by = " + user.id();
            case PUBLISHED -> ", published_at = now()";
            case DRAFT -> ", submitted_at = null";
            case RETIRED -> "";
        };
        int updated = jdbc.sql("update programme set status = ?, version = version + 1, updated_at = now()" + stamp
                        + " where id = ? and version = ?")
                .params(next.status().name(), id, version).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("Programme " + id + " was changed by someone else");
        }
        audit.record(action, "Programme", id, before.name(), before.status(), next.status());
    }

    static Programme state(ProgrammeView view) {
        return new Programme(view.id(), view.name(), view.status(), view.version());
    }

    private InstitutionInfo institutionOf(CurrentUser user) {
        if (user.orgKind() != CurrentUser.OrgKind.INSTITUTION || user.orgId() == null) {
            throw new InvalidInput(null, "programme.institutionOnly", "只有院校或培训机构的用户可以设计培训项目");
        }
        return directory.institution(user.orgId()).orElseThrow(() -> new NotFound("Institution", user.orgId()));
    }

    /** Normalises the content and applies the catalogue rules and the references' existence. */
    private ProgrammeContent check(ProgrammeContent c) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        String occupationCode = blankToNull(Text.normalise(c.occupationCode()));
        String occupationName = blankToNull(Text.normalise(c.occupationName()));
        if (occupationCode == null && occupationName != null) {
            occupationCode = jdbc.sql("select code from occupation where name = ? order by code limit 1")
                    .param(occupationName).query(String.class).optional().orElse(null);
        }
        if (occupationCode != null) {
            Optional<String> known = jdbc.sql("select name from occupation where code = ?").param(occupationCode)
                    .query(String.class).optional();
            if (known.isEmpty()) {
                violations.add(new InvalidInput.Violation("occupationCode", "programme.occupation.unknown",
                        "职业编码不在国家职业分类大典中；没有编码时请只填写职业名称", new Object[0]));
            } else if (occupationName == null) {
                occupationName = known.get();
            }
        }
        boolean skillAward = c.completionAward() == CompletionAward.SKILL_LEVEL_CERTIFICATE;
        Integer awardLevel = skillAward ? c.awardLevel() : null;
        Long evaluator = skillAward ? c.evaluatorId() : null;
        if (evaluator != null && evaluatorOptions().stream().noneMatch(e -> e.id() == evaluator)) {
            violations.add(new InvalidInput.Violation("evaluatorId", "programme.award.evaluator.unknown",
                    "所选机构不是评价机构", new Object[0]));
        }
        List<Long> partners = c.partnerIds().stream().distinct().toList();
        if (!partners.isEmpty()) {
            long known = jdbc.sql("select count(*) from enterprise where id = any(?)")
                    .param(partners.toArray(new Long[0])).query(Long.class).single();
            if (known != partners.size()) {
                violations.add(new InvalidInput.Violation("partnerIds", "programme.partner.unknown",
                        "只能选择本单位的合作企业", new Object[0]));
            }
        }
        List<ProgrammeContent.Module> modules = c.modules().stream()
                .filter(m -> m != null && (blankToNull(m.name()) != null || m.hours() != null))
                .map(m -> new ProgrammeContent.Module(Text.normalise(m.name()), m.hours()))
                .toList();
        for (int i = 0; i < modules.size(); i++) {
            ProgrammeContent.Module m = modules.get(i);
            if (m.name() == null || m.name().isEmpty() || m.name().length() > 100) {
                violations.add(new InvalidInput.Violation("modules", "programme.module.name",
                        "第 {0} 个模块须填写名称（不超过 100 字）", new Object[] {i + 1}));
            }
            if (m.hours() == null || m.hours().signum() <= 0) {
                violations.add(new InvalidInput.Violation("modules", "programme.module.hours",
                        "第 {0} 个模块的学时须大于 0", new Object[] {i + 1}));
            }
        }
        ProgrammeContent normalised = new ProgrammeContent(Text.normalise(c.name()), c.type(), c.fundingMode(),
                c.targetGroups().stream().distinct().toList(), c.industryField(), occupationCode, occupationName,
                c.skillLevel(), c.theoryHours(), c.practiceHours(), c.onlineHours(), c.deliveryMode(), partners,
                modules, c.fee(), c.completionAward(), awardLevel, evaluator, c.attendanceThreshold(),
                c.theoryWeight(), c.passMark(), blankToNull(c.description()));
        try {
            ProgrammeRules.require(normalised);
        } catch (InvalidInput e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return normalised;
    }

    private void writeChildren(long id, long institutionId, ProgrammeContent content) {
        int position = 1;
        for (ProgrammeContent.Module m : content.modules()) {
            jdbc.sql("insert into programme_module (programme_id, position, name, hours) values (?, ?, ?, ?)")
                    .params(id, position++, m.name(), m.hours()).update();
        }
        for (Long partner : content.partnerIds()) {
            jdbc.sql("insert into programme_partner (programme_id, enterprise_id, institution_id) values (?, ?, ?)")
                    .params(id, partner, institutionId).update();
        }
    }

    private ProgrammeView view(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<ProgrammeContent.Module> modules = jdbc.sql(
                        "select name, hours from programme_module where programme_id = ? order by position")
                .param(id).query((m, n) -> new ProgrammeContent.Module(m.getString("name"), m.getBigDecimal("hours")))
                .list();
        // The programme row is already visible to the caller; its co-developing enterprises are shown with it, also
        // on the public page, where the partner table itself is not readable.
        List<Long> partnerIds = DataScope.asSystem(() -> jdbc.sql(
                        "select enterprise_id from programme_partner where programme_id = ? order by enterprise_id")
                .param(id).query(Long.class).list());
        List<Named> partners = partnerIds.stream()
                .map(p -> new Named(p, directory.enterpriseName(p).orElse(""))).toList();
        List<DocumentView> documents = jdbc.sql("""
                        select id, kind, file_name, size_bytes, uploaded_at from programme_document
                        where programme_id = ? order by uploaded_at""")
                .param(id).query((d, n) -> new DocumentView(d.getLong("id"), DocumentKind.valueOf(d.getString("kind")),
                        d.getString("file_name"), d.getLong("size_bytes"),
                        d.getTimestamp("uploaded_at").toInstant())).list();
        Long evaluatorId = (Long) rs.getObject("evaluator_id");
        Long approvedById = (Long) rs.getObject("approved_by");
        ProgrammeContent content = new ProgrammeContent(rs.getString("name"), ProgrammeType.valueOf(rs.getString("type")),
                FundingMode.valueOf(rs.getString("funding_mode")), groups(rs.getArray("target_groups")),
                IndustryField.valueOf(rs.getString("industry_field")), rs.getString("occupation_code"),
                rs.getString("occupation_name"), (Integer) rs.getObject("skill_level"),
                rs.getBigDecimal("theory_hours"), rs.getBigDecimal("practice_hours"), rs.getBigDecimal("online_hours"),
                DeliveryMode.valueOf(rs.getString("delivery_mode")), partnerIds, modules, rs.getBigDecimal("fee"),
                CompletionAward.valueOf(rs.getString("completion_award")), (Integer) rs.getObject("award_level"),
                evaluatorId, rs.getBigDecimal("attendance_threshold"), rs.getBigDecimal("theory_weight"),
                rs.getBigDecimal("pass_mark"), rs.getString("description"));
        long institutionId = rs.getLong("institution_id");
        return new ProgrammeView(id, institutionId, directory.institutionName(institutionId).orElse(""), content,
                partners, evaluatorId == null ? null : directory.institutionName(evaluatorId).orElse(null), documents,
                ProgrammeStatus.valueOf(rs.getString("status")), instant(rs, "submitted_at"),
                approvedById == null ? null : userName(approvedById), instant(rs, "approved_at"),
                instant(rs, "published_at"), rs.getInt("version"));
    }

    private String userName(long userId) {
        return DataScope.asSystem(() -> jdbc.sql("select display_name from app_user where id = ?").param(userId)
                .query(String.class).optional().orElse(""));
    }

    static ProgrammeRow row(ResultSet rs) throws SQLException {
        return new ProgrammeRow(rs.getLong("id"), rs.getString("name"), ProgrammeType.valueOf(rs.getString("type")),
                FundingMode.valueOf(rs.getString("funding_mode")), IndustryField.valueOf(rs.getString("industry_field")),
                rs.getString("occupation_name"), (Integer) rs.getObject("skill_level"), rs.getBigDecimal("total_hours"),
                rs.getBigDecimal("fee"), ProgrammeStatus.valueOf(rs.getString("status")));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<PriorityGroup> groups(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((String[]) array.getArray()).map(PriorityGroup::valueOf).toList();
    }

    private static String[] groups(ProgrammeContent content) {
        return content.targetGroups().stream().map(Enum::name).toArray(String[]::new);
    }

    private static BigDecimal hours(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
