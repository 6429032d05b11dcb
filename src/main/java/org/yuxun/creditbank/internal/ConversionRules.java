package org.yuxun.creditbank.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.certification.SkillLevel;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;

/**
 * Conversion rules (转换规则): an institution states which outcome — a certificate of a kind (and level), a
 * training programme, a competition result — converts into which of its courses with how many credits, within a
 * validity period and on conditions such as the outcome's age (seeds/001 §二(九): "培训成果按规定兑换学分，免修相应
 * 课程"; seeds/004 §(六)). Published rules are a public catalogue.
 */
@Service
public class ConversionRules {

    public record RuleCourse(long courseId, long programmeId, String courseCode, String courseName,
                             BigDecimal credits, boolean exempt) {
    }

    public record Rule(long id, long institutionId, String institutionName, String name, String outcomeType,
                       String certificateKind, Integer skillLevel, String titleKeyword, Long trainingProgrammeId,
                       Integer maxAgeYears, LocalDate validFrom, LocalDate validUntil, String status, int version,
                       List<RuleCourse> courses) {

        /** What outcome the rule accepts, in Chinese, for lists. */
        public String skillLevelName() {
            return skillLevel == null ? null : SkillLevel.name(skillLevel);
        }

        public BigDecimal totalCredits() {
            return courses.stream().map(RuleCourse::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public boolean inForceOn(LocalDate day) {
            return "PUBLISHED".equals(status) && !validFrom.isAfter(day) && (validUntil == null || !validUntil.isBefore(day));
        }
    }

    /** A rule as typed on the form; each course line is a course id with its credits. */
    public record Draft(String name, String outcomeType, String certificateKind, Integer skillLevel,
                        String titleKeyword, Long trainingProgrammeId, Integer maxAgeYears, LocalDate validFrom,
                        LocalDate validUntil, Map<Long, BigDecimal> courseCredits) {
    }

    public static final List<String> OUTCOME_TYPES = List.of("CERTIFICATE", "TRAINING_PROGRAMME", "COMPETITION");
    public static final List<String> CERTIFICATE_KINDS = List.of("TRAINING", "SKILL_LEVEL", "ONE_PLUS_X",
            "VOCATIONAL_QUALIFICATION");

    private static final String RULE = """
            select id, institution_id, institution_name, name, outcome_type, certificate_kind, skill_level,
                   title_keyword, training_programme_id, max_age_years, valid_from, valid_until, status, version
            from conversion_rule r""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final OrganizationDirectory organizations;

    ConversionRules(JdbcClient jdbc, AuditLog audit, OrganizationDirectory organizations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.organizations = organizations;
    }

    /**
     * Rules the caller sees, by name, course or institution: staff see their own in every state, anybody the
     * published ones (row-level security decides; {@code publishedOnly} narrows staff to the public catalogue).
     */
    public Page<Rule> search(String q, boolean publishedOnly, int page, int size) {
        String like = AcademicCatalogue.like(q);
        String where = """
                 where (?::text is null or r.name ilike ? or r.institution_name ilike ? or exists (
                        select 1 from conversion_rule_course rc join academic_course c on c.id = rc.course_id
                        where rc.rule_id = r.id and c.name ilike ?))
                   and (not ? or r.status = 'PUBLISHED')""";
        long total = jdbc.sql("select count(*) from conversion_rule r " + where)
                .params(like, like, like, like, publishedOnly).query(Long.class).single();
        List<Rule> rows = jdbc.sql(RULE + " " + where + " order by r.institution_name, r.name, r.id limit ? offset ?")
                .params(like, like, like, like, publishedOnly, size, (long) page * size)
                .query((rs, n) -> rule(rs)).list();
        return new Page<>(rows.stream().map(this::withCourses).toList(), page, size, total);
    }

    public Rule get(long id) {
        return jdbc.sql(RULE + " where r.id = ?").param(id).query((rs, n) -> rule(rs)).optional()
                .map(this::withCourses).orElseThrow(() -> new NotFound("ConversionRule", id));
    }

    /** The institution's rules in force today, for proposing conversions. */
    public List<Rule> inForce(long institutionId, LocalDate today) {
        return jdbc.sql(RULE + " where r.institution_id = ? and r.status = 'PUBLISHED' order by r.id")
                .param(institutionId).query((rs, n) -> rule(rs)).list().stream().map(this::withCourses)
                .filter(r -> r.inForceOn(today)).toList();
    }

    @Transactional
    public long save(Long id, long institutionId, Draft d, int version) {
        List<InvalidInput.Violation> problems = new ArrayList<>();
        String name = AcademicCatalogue.trim(d.name());
        String keyword = AcademicCatalogue.trim(d.titleKeyword());
        if (name == null || name.length() > 100) {
            problems.add(AcademicCatalogue.violation("name", "credit.name.invalid", "请填写名称（不超过 100 字）"));
        }
        if (d.outcomeType() == null || !OUTCOME_TYPES.contains(d.outcomeType())) {
            problems.add(AcademicCatalogue.violation("outcomeType", "credit.rule.outcomeType.required", "请选择成果类型"));
        } else if (d.outcomeType().equals("CERTIFICATE")
                && (d.certificateKind() == null || !CERTIFICATE_KINDS.contains(d.certificateKind()))) {
            problems.add(AcademicCatalogue.violation("certificateKind", "credit.rule.certificateKind.required",
                    "请选择证书类型"));
        } else if (d.outcomeType().equals("TRAINING_PROGRAMME") && d.trainingProgrammeId() == null) {
            problems.add(AcademicCatalogue.violation("trainingProgrammeId", "credit.rule.programme.required",
                    "请填写培训项目编号"));
        } else if (d.outcomeType().equals("COMPETITION") && keyword == null) {
            problems.add(AcademicCatalogue.violation("titleKeyword", "credit.rule.keyword.required",
                    "请填写竞赛名称关键词"));
        }
        if (d.skillLevel() != null && (d.skillLevel() < 1 || d.skillLevel() > 5)) {
            problems.add(AcademicCatalogue.violation("skillLevel", "credit.rule.level.invalid", "等级应为 1–5"));
        }
        if (d.maxAgeYears() != null && (d.maxAgeYears() < 1 || d.maxAgeYears() > 50)) {
            problems.add(AcademicCatalogue.violation("maxAgeYears", "credit.rule.age.invalid", "年限应为 1–50 年"));
        }
        if (d.validFrom() == null) {
            problems.add(AcademicCatalogue.violation("validFrom", "credit.rule.validFrom.required", "请填写生效日期"));
        } else if (d.validUntil() != null && d.validUntil().isBefore(d.validFrom())) {
            problems.add(AcademicCatalogue.violation("validUntil", "credit.rule.validUntil.beforeFrom",
                    "失效日期不能早于生效日期"));
        }
        Map<Long, BigDecimal> lines = new LinkedHashMap<>();
        d.courseCredits().forEach((course, credits) -> {
            if (course != null && credits != null) {
                lines.put(course, credits);
            }
        });
        if (lines.isEmpty()) {
            problems.add(AcademicCatalogue.violation("courseIds", "credit.rule.courses.required",
                    "请至少选择一门课程并填写学分"));
        }
        for (var line : lines.entrySet()) {
            if (jdbc.sql("select count(*) from academic_course where id = ? and institution_id = ?")
                    .params(line.getKey(), institutionId).query(Long.class).single() == 0) {
                problems.add(AcademicCatalogue.violation("courseIds", "credit.rule.course.notOwn", "只能选择本校的课程"));
                break;
            }
            if (line.getValue().signum() <= 0 || line.getValue().compareTo(new BigDecimal("30")) > 0) {
                problems.add(AcademicCatalogue.violation("courseIds", "credit.course.credits.invalid",
                        "学分应在 0.5–30 之间，最多一位小数"));
                break;
            }
        }
        AcademicCatalogue.refuse(problems);
        String kind = "CERTIFICATE".equals(d.outcomeType()) ? d.certificateKind() : null;
        Integer level = "CERTIFICATE".equals(d.outcomeType()) ? d.skillLevel() : null;
        Long programme = "TRAINING_PROGRAMME".equals(d.outcomeType()) ? d.trainingProgrammeId() : null;
        long ruleId;
        if (id == null) {
            ruleId = jdbc.sql("""
                            insert into conversion_rule (institution_id, institution_name, name, outcome_type,
                                                         certificate_kind, skill_level, title_keyword,
                                                         training_programme_id, max_age_years, valid_from, valid_until)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(institutionId, organizations.institutionName(institutionId).orElse(""), name,
                            d.outcomeType(), kind, level, keyword, programme, d.maxAgeYears(), d.validFrom(),
                            d.validUntil())
                    .query(Long.class).single();
        } else {
            Rule before = get(id);
            if (!"DRAFT".equals(before.status())) {
                throw new InvalidInput(null, "credit.rule.notDraft", "只能修改草稿状态的规则");
            }
            AcademicCatalogue.stale(jdbc.sql("""
                            update conversion_rule set name = ?, outcome_type = ?, certificate_kind = ?,
                                   skill_level = ?, title_keyword = ?, training_programme_id = ?, max_age_years = ?,
                                   valid_from = ?, valid_until = ?, version = version + 1
                            where id = ? and version = ?""")
                    .params(name, d.outcomeType(), kind, level, keyword, programme, d.maxAgeYears(), d.validFrom(),
                            d.validUntil(), id, version).update());
            jdbc.sql("delete from conversion_rule_course where rule_id = ?").param(id).update();
            ruleId = id;
        }
        for (var line : lines.entrySet()) {
            jdbc.sql("insert into conversion_rule_course (rule_id, course_id, credits) values (?, ?, ?)")
                    .params(ruleId, line.getKey(), line.getValue()).update();
        }
        audit.record(id == null ? "CREATE" : "UPDATE", "ConversionRule", ruleId, name, null,
                Map.of("outcomeType", d.outcomeType(), "courses", lines.toString()));
        return ruleId;
    }

    /** Publishes a draft or withdraws a published rule; lines already under review keep their rule. */
    @Transactional
    public void changeStatus(long id, String status, int version) {
        Rule rule = get(id);
        boolean allowed = ("PUBLISHED".equals(status) && "DRAFT".equals(rule.status()))
                || ("WITHDRAWN".equals(status) && "PUBLISHED".equals(rule.status()));
        if (!allowed) {
            throw new InvalidInput(null, "credit.rule.transition", "当前状态下不能执行该操作");
        }
        AcademicCatalogue.stale(jdbc.sql("""
                        update conversion_rule set status = ?, version = version + 1 where id = ? and version = ?""")
                .params(status, id, version).update());
        audit.record("PUBLISHED".equals(status) ? "PUBLISH" : "WITHDRAW", "ConversionRule", id, rule.name(),
                Map.of("status", rule.status()), Map.of("status", status));
    }

    private Rule withCourses(Rule r) {
        List<RuleCourse> courses = jdbc.sql("""
                        select rc.course_id, c.programme_id, c.code, c.name, rc.credits, rc.exempt
                        from conversion_rule_course rc join academic_course c on c.id = rc.course_id
                        where rc.rule_id = ? order by c.code""")
                .param(r.id()).query((rs, n) -> new RuleCourse(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5), rs.getBoolean(6))).list();
        return new Rule(r.id(), r.institutionId(), r.institutionName(), r.name(), r.outcomeType(),
                r.certificateKind(), r.skillLevel(), r.titleKeyword(), r.trainingProgrammeId(), r.maxAgeYears(),
                r.validFrom(), r.validUntil(), r.status(), r.version(), courses);
    }

    private static Rule rule(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Rule(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("institution_name"),
                rs.getString("name"), rs.getString("outcome_type"), rs.getString("certificate_kind"),
                (Integer) rs.getObject("skill_level"), rs.getString("title_keyword"),
                (Long) rs.getObject("training_programme_id"), (Integer) rs.getObject("max_age_years"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getString("status"), rs.getInt("version"), List.of());
    }
}
