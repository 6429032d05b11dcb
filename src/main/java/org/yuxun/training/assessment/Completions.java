package org.yuxun.training.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuxun.audit.AuditLog;
import org.yuxun.shared.InvalidInput;
import org.yuxun.training.EnrolmentCompleted;
import org.yuxun.training.assessment.AssessedClasses.AssessedClass;
import org.yuxun.training.assessment.CompletionPolicy.Decision;

/**
 * Completing a class (结业): every enrolled learner is judged by the programme's {@link CompletionPolicy} on their
 * attendance and the assessment result that counts, the enrolment becomes COMPLETED or NOT_COMPLETED with the
 * reasons, the class becomes COMPLETED, and one {@link EnrolmentCompleted} per enrolment is published in the same
 * transaction, so certificates, the credit bank and subsidies receive every result or none. A class is completed
 * once: a second attempt changes nothing.
 */
@Service
class Completions {

    /** One learner's result, previewed before completion or as stored after it. */
    record Result(long enrolmentId, String personName, String documentMasked, BigDecimal attendanceRate,
                  BigDecimal finalScore, boolean completed, String notes) {
    }

    /** The audit snapshot of a completion: the counts, no personal data. */
    record CompletionSnapshot(long classId, String status, int completed, int notCompleted) {
    }

    private final JdbcClient jdbc;
    private final AssessedClasses classes;
    private final AttendanceFigures attendance;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    Completions(JdbcClient jdbc, AssessedClasses classes, AttendanceFigures attendance,
                ApplicationEventPublisher events, AuditLog audit) {
        this.jdbc = jdbc;
        this.classes = classes;
        this.attendance = attendance;
        this.events = events;
        this.audit = audit;
    }

    AssessedClass assessedClass(long classId) {
        return classes.get(classId);
    }

    /** What completing the class now would decide for each enrolled learner. */
    List<Result> preview(long classId) {
        AssessedClass assessed = classes.get(classId);
        return decide(assessed).stream().map(Judged::result).toList();
    }

    /** The stored results of a completed class. */
    List<Result> results(long classId) {
        classes.get(classId);
        return jdbc.sql("""
                        select e.id as enrolment_id, p.name as person_name, p.document_masked, e.attendance_rate,
                               e.final_score, e.status = 'COMPLETED' as completed, e.completion_notes as notes
                        from enrolment e
                        left join person p on p.id = e.person_id
                        where e.class_id = ? and e.status in ('COMPLETED', 'NOT_COMPLETED')
                        order by e.status, p.name nulls last, e.id""")
                .params(classId)
                .query(Result.class)
                .list();
    }

    /**
     * Completes the class.
     *
     * @return the results stored
     * @throws InvalidInput when the class is already completed or was cancelled; nothing changes
     */
    @Transactional
    List<Result> complete(long classId) {
        AssessedClass assessed = classes.lock(classId);
        if (assessed.completed()) {
            throw new InvalidInput(null, "assessment.completion.already", "该培训班已经结业，不能重复结业");
        }
        if (assessed.cancelled()) {
            throw new InvalidInput(null, "assessment.completion.cancelled", "该培训班已取消，不能结业");
        }
        List<Judged> judged = decide(assessed);
        if (judged.isEmpty()) {
            throw new InvalidInput(null, "assessment.completion.empty", "该培训班没有在读学员，不能结业");
        }
        conclude(assessed, judged, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return results(classId);
    }

    /**
     * Completes a class that ended before the platform recorded its completion (the demo's class of last month):
     * its enrolled learners are judged as of the given time, and a class already marked completed keeps its date.
     */
    @Transactional
    void completeAsOf(long classId, Instant at) {
        AssessedClass assessed = classes.lock(classId);
        List<Judged> judged = decide(assessed);
        if (!assessed.cancelled() && !judged.isEmpty()) {
            conclude(assessed, judged, at);
        }
    }

    private void conclude(AssessedClass assessed, List<Judged> judged, Instant now) {
        long classId = assessed.id();
        BigDecimal hours = jdbc.sql("select coalesce(sum(hours), 0) from class_session where class_id = ?")
                .params(classId).query(BigDecimal.class).single();
        int completed = 0;
        for (Judged j : judged) {
            Result r = j.result();
            jdbc.sql("""
                            update enrolment set status = ?, completion_notes = ?, attendance_rate = ?,
                                                 completed_at = ?, version = version + 1, updated_at = now()
                            where id = ? and status = 'ENROLLED'""")
                    .params(r.completed() ? "COMPLETED" : "NOT_COMPLETED", r.notes(), r.attendanceRate(),
                            Timestamp.from(now), r.enrolmentId())
                    .update();
            completed += r.completed() ? 1 : 0;
            events.publishEvent(new EnrolmentCompleted(r.enrolmentId(), assessed.id(), assessed.programmeId(),
                    assessed.institutionId(), j.personId(), r.completed(), j.decision().reasons(),
                    r.attendanceRate(), r.finalScore(), hours, now, assessed.completionAward(),
                    assessed.awardLevel(), assessed.evaluatorId()));
        }
        jdbc.sql("""
                        update training_class set status = 'COMPLETED', completed_at = ?, version = version + 1,
                                                  updated_at = now()
                        where id = ?""")
                .params(Timestamp.from(now), classId)
                .update();
        audit.record("COMPLETE", "TrainingClass", classId, assessed.name() + " 结业",
                new CompletionSnapshot(classId, assessed.status(), 0, 0),
                new CompletionSnapshot(classId, "COMPLETED", completed, judged.size() - completed));
    }

    /** The results of a completed class as an xlsx workbook (identity numbers masked). */
    byte[] export(long classId) {
        List<Result> rows = results(classId);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("结业结果");
            String[] headers = {"报名编号", "姓名", "证件号码（已脱敏）", "出勤率", "综合成绩", "结业结果", "说明"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
                sheet.setColumnWidth(i, (i == 6 ? 48 : 16) * 256);
            }
            int r = 1;
            for (Result result : rows) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(result.enrolmentId());
                line.createCell(1).setCellValue(result.personName() == null ? "" : result.personName());
                line.createCell(2).setCellValue(result.documentMasked() == null ? "" : result.documentMasked());
                line.createCell(3).setCellValue(result.attendanceRate() == null ? ""
                        : CompletionPolicy.percent(result.attendanceRate()));
                line.createCell(4).setCellValue(result.finalScore() == null ? "" : result.finalScore().toPlainString());
                line.createCell(5).setCellValue(result.completed() ? "结业" : "未结业");
                line.createCell(6).setCellValue(result.notes() == null ? "" : result.notes());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("results could not be written", e);
        }
    }

    private record Judged(Result result, long personId, Decision decision) {
    }

    private List<Judged> decide(AssessedClass assessed) {
        Map<Long, AttendanceFigures.Figure> figures = attendance.ofClass(assessed.id());
        CompletionPolicy policy = assessed.completionPolicy();
        List<Judged> judged = new ArrayList<>();
        jdbc.sql("""
                        select e.id, e.person_id, p.name, p.document_masked, e.final_score, e.passed
                        from enrolment e
                        left join person p on p.id = e.person_id
                        where e.class_id = ? and e.status = 'ENROLLED'
                        order by p.name nulls last, e.id""")
                .params(assessed.id())
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    AttendanceFigures.Figure figure = figures.get(id);
                    BigDecimal rate = figure == null ? null : figure.rate();
                    BigDecimal finalScore = rs.getBigDecimal("final_score");
                    Boolean passed = (Boolean) rs.getObject("passed");
                    Decision decision = policy.decide(rate, finalScore, passed, assessed.passMark());
                    Result result = new Result(id, rs.getString("name"), rs.getString("document_masked"), rate,
                            finalScore, decision.completed(), decision.notes(rate, finalScore));
                    return new Judged(result, rs.getLong("person_id"), decision);
                })
                .list()
                .forEach(judged::add);
        return judged;
    }
}
