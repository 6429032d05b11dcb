package org.yuxun.creditbank.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.people.OrgRef;
import org.yuxun.people.OrgRelation;
import org.yuxun.people.PersonRef;
import org.yuxun.people.PersonRegistry;
import org.yuxun.people.RegisterPerson;
import org.yuxun.people.Relation;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;

/**
 * The minimal academic catalogue the credit bank owns (DESIGN.md, "Academic side of the credit bank"): an
 * institution's majors (专业), degree programmes, their courses with credits, and the students enrolled in a
 * programme. Conversion rules target these courses. Every query runs in the caller's scope: staff see their own
 * institution's catalogue.
 */
@Service
public class AcademicCatalogue {

    public record Major(long id, long institutionId, String code, String name, int version) {
    }

    public record DegreeProgramme(long id, long institutionId, long majorId, String majorName, String name,
                                  String level, BigDecimal totalCredits, int version) {
    }

    public record Course(long id, long institutionId, long programmeId, String programmeName, String code,
                         String name, BigDecimal credits, String category, int version) {
    }

    public record Student(long id, long institutionId, long programmeId, String programmeName, long personId,
                          String studentNumber, String name, String documentMasked, LocalDate enrolledOn) {
    }

    public static final List<String> LEVELS = List.of("SECONDARY", "JUNIOR_COLLEGE", "UNDERGRADUATE");
    public static final List<String> CATEGORIES = List.of("PUBLIC", "CORE", "PRACTICE", "ELECTIVE");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PersonRegistry persons;

    AcademicCatalogue(JdbcClient jdbc, AuditLog audit, PersonRegistry persons) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.persons = persons;
    }

    // Majors --------------------------------------------------------------------------------------------------

    public Page<Major> majors(String q, int page, int size) {
        String like = like(q);
        long total = jdbc.sql("select count(*) from academic_major where (?::text is null or code ilike ? or name ilike ?)")
                .params(like, like, like).query(Long.class).single();
        List<Major> rows = jdbc.sql("""
                        select id, institution_id, code, name, version from academic_major
                        where (?::text is null or code ilike ? or name ilike ?) order by code limit ? offset ?""")
                .params(like, like, like, size, (long) page * size).query(Major.class).list();
        return new Page<>(rows, page, size, total);
    }

    public Major major(long id) {
        return jdbc.sql("select id, institution_id, code, name, version from academic_major where id = ?").param(id)
                .query(Major.class).optional().orElseThrow(() -> new NotFound("Major", id));
    }

    @Transactional
    public long saveMajor(Long id, long institutionId, String code, String name, int version) {
        List<InvalidInput.Violation> problems = new ArrayList<>();
        String c = trim(code);
        String n = trim(name);
        if (c == null || !c.matches("[0-9A-Za-z]{4,12}")) {
            problems.add(violation("code", "credit.major.code.invalid", "专业代码应为 4–12 位字母或数字"));
        }
        if (n == null || n.length() > 60) {
            problems.add(violation("name", "credit.name.invalid", "请填写名称（不超过 60 字）"));
        }
        refuse(problems);
        try {
            if (id == null) {
                long created = jdbc.sql("""
                                insert into academic_major (institution_id, code, name) values (?, ?, ?)
                                returning id""").params(institutionId, c, n).query(Long.class).single();
                audit.record("CREATE", "AcademicMajor", created, c + " " + n, null, Map.of("code", c, "name", n));
                return created;
            }
            Major before = major(id);
            int changed = jdbc.sql("""
                            update academic_major set code = ?, name = ?, version = version + 1
                            where id = ? and version = ?""").params(c, n, id, version).update();
            stale(changed);
            audit.record("UPDATE", "AcademicMajor", id, c + " " + n, before, Map.of("code", c, "name", n));
            return id;
        } catch (DuplicateKeyException e) {
            throw new InvalidInput("code", "credit.major.code.duplicate", "本校已有该专业代码");
        }
    }

    public List<Major> allMajors() {
        return jdbc.sql("select id, institution_id, code, name, version from academic_major order by code")
                .query(Major.class).list();
    }

    // Degree programmes ---------------------------------------------------------------------------------------

    private static final String PROGRAMME = """
            select p.id, p.institution_id, p.major_id, m.name as major_name, p.name, p.level, p.total_credits,
                   p.version
            from degree_programme p join academic_major m on m.id = p.major_id""";

    public Page<DegreeProgramme> programmes(String q, int page, int size) {
        String like = like(q);
        long total = jdbc.sql("""
                        select count(*) from degree_programme p join academic_major m on m.id = p.major_id
                        where (?::text is null or p.name ilike ? or m.name ilike ?)""")
                .params(like, like, like).query(Long.class).single();
        List<DegreeProgramme> rows = jdbc.sql(PROGRAMME + " " + """
                         where (?::text is null or p.name ilike ? or m.name ilike ?) order by p.name limit ? offset ?""")
                .params(like, like, like, size, (long) page * size).query(DegreeProgramme.class).list();
        return new Page<>(rows, page, size, total);
    }

    public List<DegreeProgramme> allProgrammes() {
        return jdbc.sql(PROGRAMME + " order by p.name").query(DegreeProgramme.class).list();
    }

    public DegreeProgramme programme(long id) {
        return jdbc.sql(PROGRAMME + " where p.id = ?").param(id).query(DegreeProgramme.class).optional()
                .orElseThrow(() -> new NotFound("DegreeProgramme", id));
    }

    @Transactional
    public long saveProgramme(Long id, long institutionId, Long majorId, String name, String level,
                              BigDecimal totalCredits, int version) {
        List<InvalidInput.Violation> problems = new ArrayList<>();
        String n = trim(name);
        if (majorId == null || jdbc.sql("select count(*) from academic_major where id = ? and institution_id = ?")
                .params(majorId, institutionId).query(Long.class).single() == 0) {
            problems.add(violation("majorId", "credit.programme.major.required", "请选择本校的专业"));
        }
        if (n == null || n.length() > 80) {
            problems.add(violation("name", "credit.name.invalid", "请填写名称（不超过 80 字）"));
        }
        if (level == null || !LEVELS.contains(level)) {
            problems.add(violation("level", "credit.programme.level.required", "请选择学历层次"));
        }
        if (totalCredits == null || totalCredits.signum() <= 0 || totalCredits.compareTo(new BigDecimal("400")) > 0) {
            problems.add(violation("totalCredits", "credit.programme.credits.invalid", "总学分应在 0–400 之间"));
        }
        refuse(problems);
        try {
            if (id == null) {
                long created = jdbc.sql("""
                                insert into degree_programme (institution_id, major_id, name, level, total_credits)
                                values (?, ?, ?, ?, ?) returning id""")
                        .params(institutionId, majorId, n, level, totalCredits).query(Long.class).single();
                audit.record("CREATE", "DegreeProgramme", created, n, null, Map.of("name", n, "level", level));
                return created;
            }
            DegreeProgramme before = programme(id);
            stale(jdbc.sql("""
                            update degree_programme set major_id = ?, name = ?, level = ?, total_credits = ?,
                                   version = version + 1
                            where id = ? and version = ?""")
                    .params(majorId, n, level, totalCredits, id, version).update());
            audit.record("UPDATE", "DegreeProgramme", id, n, before, Map.of("name", n, "level", level));
            return id;
        } catch (DuplicateKeyException e) {
            throw new InvalidInput("name", "credit.programme.name.duplicate", "本校已有同名的学历专业（方向）");
        }
    }

    // Courses -------------------------------------------------------------------------------------------------

    private static final String COURSE = """
            select c.id, c.institution_id, c.programme_id, p.name as programme_name, c.code, c.name, c.credits,
                   c.category, c.version
            from academic_course c join degree_programme p on p.id = c.programme_id""";

    public Page<Course> courses(String q, Long programmeId, int page, int size) {
        String like = like(q);
        String where = " where (?::text is null or c.code ilike ? or c.name ilike ?) and (?::bigint is null or c.programme_id = ?)";
        long total = jdbc.sql("select count(*) from academic_course c" + where)
                .params(like, like, like, programmeId, programmeId).query(Long.class).single();
        List<Course> rows = jdbc.sql(COURSE + where + " order by c.code limit ? offset ?")
                .params(like, like, like, programmeId, programmeId, size, (long) page * size)
                .query(Course.class).list();
        return new Page<>(rows, page, size, total);
    }

    public List<Course> allCourses() {
        return jdbc.sql(COURSE + " order by c.code").query(Course.class).list();
    }

    public Course course(long id) {
        return jdbc.sql(COURSE + " where c.id = ?").param(id).query(Course.class).optional()
                .orElseThrow(() -> new NotFound("Course", id));
    }

    /** Checks a course row, as typed on the form or read from an Excel row. */
    public static List<InvalidInput.Violation> checkCourse(String code, String name, BigDecimal credits,
                                                           String category) {
        List<InvalidInput.Violation> problems = new ArrayList<>();
        String c = trim(code);
        String n = trim(name);
        if (c == null || !c.matches("[0-9A-Za-z-]{2,20}")) {
            problems.add(violation("code", "credit.course.code.invalid", "课程代码应为 2–20 位字母、数字或短横线"));
        }
        if (n == null || n.length() > 80) {
            problems.add(violation("name", "credit.name.invalid", "请填写名称（不超过 80 字）"));
        }
        if (credits == null || credits.signum() <= 0 || credits.compareTo(new BigDecimal("30")) > 0
                || credits.stripTrailingZeros().scale() > 1) {
            problems.add(violation("credits", "credit.course.credits.invalid", "学分应在 0.5–30 之间，最多一位小数"));
        }
        if (category == null || !CATEGORIES.contains(category)) {
            problems.add(violation("category", "credit.course.category.required", "请选择课程类别"));
        }
        return problems;
    }

    @Transactional
    public long saveCourse(Long id, long institutionId, Long programmeId, String code, String name,
                           BigDecimal credits, String category, int version) {
        List<InvalidInput.Violation> problems = new ArrayList<>(checkCourse(code, name, credits, category));
        if (programmeId == null || jdbc.sql("select count(*) from degree_programme where id = ? and institution_id = ?")
                .params(programmeId, institutionId).query(Long.class).single() == 0) {
            problems.add(violation("programmeId", "credit.course.programme.required", "请选择本校的学历专业（方向）"));
        }
        refuse(problems);
        String c = trim(code);
        String n = trim(name);
        try {
            if (id == null) {
                long created = jdbc.sql("""
                                insert into academic_course (institution_id, programme_id, code, name, credits, category)
                                values (?, ?, ?, ?, ?, ?) returning id""")
                        .params(institutionId, programmeId, c, n, credits, category).query(Long.class).single();
                audit.record("CREATE", "AcademicCourse", created, c + " " + n, null,
                        Map.of("code", c, "name", n, "credits", credits.toPlainString()));
                return created;
            }
            Course before = course(id);
            stale(jdbc.sql("""
                            update academic_course set programme_id = ?, code = ?, name = ?, credits = ?, category = ?,
                                   version = version + 1
                            where id = ? and version = ?""")
                    .params(programmeId, c, n, credits, category, id, version).update());
            audit.record("UPDATE", "AcademicCourse", id, c + " " + n, before,
                    Map.of("code", c, "name", n, "credits", credits.toPlainString()));
            return id;
        } catch (DuplicateKeyException e) {
            throw new InvalidInput("code", "credit.course.code.duplicate", "本校已有该课程代码");
        }
    }

    // Students ------------------------------------------------------------------------------------------------

    private static final String STUDENT = """
            select s.id, s.institution_id, s.programme_id, p.name as programme_name, s.person_id, s.student_number,
                   s.name, s.document_masked, s.enrolled_on
            from programme_student s join degree_programme p on p.id = s.programme_id""";

    public Page<Student> students(String q, Long programmeId, int page, int size) {
        String like = like(q);
        String where = " where (?::text is null or s.name ilike ? or s.student_number ilike ?)"
                + " and (?::bigint is null or s.programme_id = ?)";
        long total = jdbc.sql("select count(*) from programme_student s" + where)
                .params(like, like, like, programmeId, programmeId).query(Long.class).single();
        List<Student> rows = jdbc.sql(STUDENT + where + " order by s.student_number limit ? offset ?")
                .params(like, like, like, programmeId, programmeId, size, (long) page * size)
                .query(Student.class).list();
        return new Page<>(rows, page, size, total);
    }

    /** The programmes the person is a student of, as row-level security shows them (a learner: their own). */
    public List<Student> studentships(long personId) {
        return jdbc.sql(STUDENT + " where s.person_id = ? order by s.enrolled_on desc").param(personId)
                .query(Student.class).list();
    }

    public Optional<Student> student(long id) {
        return jdbc.sql(STUDENT + " where s.id = ?").param(id).query(Student.class).optional();
    }

    /**
     * Enrols a person in a degree programme: registers them, or links the person already on file, to the
     * institution as its learner (people module), then records the student.
     */
    @Transactional
    public long enrolStudent(long institutionId, Long programmeId, String studentNumber, RegisterPerson person,
                             LocalDate enrolledOn) {
        List<InvalidInput.Violation> problems = new ArrayList<>();
        String number = trim(studentNumber);
        if (programmeId == null || jdbc.sql("select count(*) from degree_programme where id = ? and institution_id = ?")
                .params(programmeId, institutionId).query(Long.class).single() == 0) {
            problems.add(violation("programmeId", "credit.course.programme.required", "请选择本校的学历专业（方向）"));
        }
        if (number == null || number.length() > 30) {
            problems.add(violation("studentNumber", "credit.student.number.invalid", "请填写学号（不超过 30 位）"));
        }
        try {
            person.validate();
        } catch (InvalidInput e) {
            problems.addAll(e.violations());
        }
        refuse(problems);
        PersonRef ref = persons.register(person, new OrgRelation(new OrgRef(OrgRef.Kind.INSTITUTION, institutionId),
                Relation.LEARNER));
        if (jdbc.sql("select count(*) from programme_student where programme_id = ? and person_id = ?")
                .params(programmeId, ref.id()).query(Long.class).single() > 0) {
            throw new InvalidInput("documentNumber", "credit.student.duplicate", "该学员已在本专业学籍名单中");
        }
        if (jdbc.sql("select count(*) from programme_student where institution_id = ? and student_number = ?")
                .params(institutionId, number).query(Long.class).single() > 0) {
            throw new InvalidInput("studentNumber", "credit.student.number.duplicate", "本校已有该学号");
        }
        long id = jdbc.sql("""
                        insert into programme_student (institution_id, programme_id, person_id, student_number, name,
                                                       document_masked, enrolled_on)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(institutionId, programmeId, ref.id(), number, ref.name(), ref.documentMasked(),
                        enrolledOn == null ? LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) : enrolledOn)
                .query(Long.class).single();
        audit.record("CREATE", "ProgrammeStudent", id, ref.name() + " " + number, null,
                Map.of("programmeId", programmeId, "studentNumber", number));
        return id;
    }

    // ---------------------------------------------------------------------------------------------------------

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String like(String q) {
        String t = trim(q);
        return t == null ? null : "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static InvalidInput.Violation violation(String field, String code, String message) {
        return new InvalidInput.Violation(field, code, message, new Object[0]);
    }

    static void refuse(List<InvalidInput.Violation> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    static void stale(int changed) {
        if (changed == 0) {
            throw new InvalidInput(null, "credit.stale", "该记录已被他人修改或不存在，请刷新后重试");
        }
    }
}
