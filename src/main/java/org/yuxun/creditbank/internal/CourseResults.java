package org.yuxun.creditbank.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.creditbank.internal.AcademicCatalogue.Course;
import org.yuxun.creditbank.internal.AcademicCatalogue.Student;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;

/**
 * Academic course results (学历课程成绩) an institution records for its students: the course of the student's
 * programme, the grade and the date. A passed course becomes a learning outcome of kind {@code COURSE} in the
 * student's lifelong account with the course's credits, and accumulates by category (seeds/001 §二(九): 学习成果
 * "计入个人学习账号"). A course is recorded once per student; a failed grade is not an outcome.
 */
@Service
public class CourseResults {

    /** Grades in words that pass; a score is a number from 60 to 100. */
    public static final List<String> GRADES = List.of("优秀", "良好", "中等", "及格", "合格");

    private static final Set<String> FAILED = Set.of("不及格", "不合格");

    public record Result(long id, long courseId, String courseCode, String courseName, BigDecimal credits,
                         String category, String grade, LocalDate completedOn) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AcademicCatalogue catalogue;
    private final LearningAccounts accounts;
    private final OrganizationDirectory organizations;

    CourseResults(JdbcClient jdbc, AuditLog audit, AcademicCatalogue catalogue, LearningAccounts accounts,
                  OrganizationDirectory organizations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    /** The student, when the caller's institution has them (row-level security), else not found. */
    public Student student(long studentId) {
        return catalogue.student(studentId).orElseThrow(() -> new NotFound("ProgrammeStudent", studentId));
    }

    /** The courses of the student's programme, which results can be recorded for. */
    public List<Course> courses(Student student) {
        return catalogue.courses(null, student.programmeId(), 0, 500).content();
    }

    /** The results recorded for the student, by course code. */
    public List<Result> results(long studentId) {
        return jdbc.sql("""
                        select r.id, r.course_id, c.code as course_code, c.name as course_name, c.credits, c.category, r.grade,
                               r.completed_on
                        from course_result r join academic_course c on c.id = r.course_id
                        where r.student_id = ? order by c.code""")
                .param(studentId).query(Result.class).list();
    }

    /**
     * Records a passed course for the student and the learning outcome it becomes, in one transaction; every
     * problem is reported at its field and nothing is saved.
     *
     * @return the result's id
     */
    @Transactional
    public long record(long studentId, Long courseId, String grade, LocalDate completedOn, Long recordedBy) {
        Student student = student(studentId);
        List<InvalidInput.Violation> problems = new ArrayList<>();
        Course course = null;
        if (courseId == null) {
            problems.add(v("courseId", "credit.result.course.required", "请选择课程"));
        } else {
            course = courses(student).stream().filter(c -> c.id() == courseId).findFirst().orElse(null);
            if (course == null) {
                problems.add(v("courseId", "credit.result.course.notInProgramme",
                        "该课程不属于学生所在的学历专业"));
            }
        }
        String g = grade(grade, problems);
        if (completedOn == null) {
            problems.add(v("completedOn", "credit.result.date.required", "请填写课程结业日期"));
        } else if (completedOn.isAfter(CreditExchange.today()) || completedOn.isBefore(student.enrolledOn())) {
            problems.add(v("completedOn", "credit.result.date.invalid",
                    "结业日期应在入学日期之后、今天及以前"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id;
        try {
            id = jdbc.sql("""
                            insert into course_result (institution_id, student_id, person_id, course_id, grade,
                                                       completed_on, recorded_by)
                            values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(student.institutionId(), student.id(), student.personId(), course.id(), g, completedOn,
                            recordedBy).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInput("courseId", "credit.result.duplicate", "该学生的这门课程成绩已记录");
        }
        accounts.recordCourseResult(student.personId(), id, course.name(), student.institutionId(),
                organizations.institutionName(student.institutionId()).orElse(""), course.credits(), g, completedOn);
        audit.record("CREATE", "CourseResult", id, student.name() + " " + course.code() + " " + course.name(), null,
                Map.of("grade", g, "credits", course.credits().toPlainString(), "completedOn", completedOn.toString()));
        return id;
    }

    /** A passing grade: one of {@link #GRADES}, or a score from 60 to 100 with at most one decimal. */
    static String grade(String raw, List<InvalidInput.Violation> problems) {
        String g = raw == null ? "" : raw.strip();
        if (g.isEmpty()) {
            problems.add(v("grade", "credit.result.grade.required", "请填写成绩"));
            return null;
        }
        if (GRADES.contains(g)) {
            return g;
        }
        if (FAILED.contains(g)) {
            problems.add(v("grade", "credit.result.grade.failed",
                    "未通过的课程不记为学习成果"));
            return null;
        }
        try {
            BigDecimal score = new BigDecimal(g);
            if (score.scale() > 1 || score.compareTo(new BigDecimal("100")) > 0 || score.signum() < 0) {
                throw new NumberFormatException();
            }
            if (score.compareTo(new BigDecimal("60")) < 0) {
                problems.add(v("grade", "credit.result.grade.failed",
                        "未通过的课程不记为学习成果"));
                return null;
            }
            return score.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            problems.add(v("grade", "credit.result.grade.invalid",
                    "成绩应为 0–100 的分数，或优秀、良好、中等、及格、合格"));
            return null;
        }
    }

    private static InvalidInput.Violation v(String field, String code, String message) {
        return new InvalidInput.Violation(field, code, message, new Object[0]);
    }
}
