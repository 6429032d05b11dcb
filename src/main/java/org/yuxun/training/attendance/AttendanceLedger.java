package org.yuxun.training.attendance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yuxun.shared.NotFound;
import org.yuxun.training.AttendanceRates;

/**
 * Attendance of a whole class: the grid of learners × sessions the teacher sees and exports, and the rates
 * completion and subsidies read (the rule is on {@link AttendanceRates}).
 */
@Service
class AttendanceLedger implements AttendanceRates {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /** A column of the grid. */
    record GridSession(long id, Instant startsAt, Instant endsAt, String kind, BigDecimal hours) {

        boolean ended(Instant now) {
            return !endsAt.isAfter(now);
        }

        public String when() {
            return Times.shortDateTime(startsAt);
        }
    }

    /** A cell: ✓ attended, ✗ absent, 假 on approved leave, blank not yet held; online shows the hours credited. */
    record Cell(String mark, BigDecimal hours) {
    }

    /** A row: one learner, a cell per session and the rate. */
    record GridRow(long enrolmentId, String name, List<Cell> cells, Rate rate) {
    }

    record Grid(long classId, String className, List<GridSession> sessions, List<GridRow> rows) {
    }

    private record Fact(long enrolmentId, String name, long sessionId, boolean present, Integer credited,
                        String leave) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AttendanceLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Rate> ofEnrolment(long enrolmentId) {
        return jdbc.sql("select class_id from enrolment where id = ?").param(enrolmentId).query(Long.class)
                .optional()
                .flatMap(classId -> Optional.ofNullable(ofClass(classId).get(enrolmentId)));
    }

    @Override
    public Map<Long, Rate> ofClass(long classId) {
        Map<Long, Rate> rates = new LinkedHashMap<>();
        Optional<Grid> grid = grid(classId);
        grid.ifPresent(g -> g.rows().forEach(row -> rates.put(row.enrolmentId(), row.rate())));
        return rates;
    }

    @Override
    public List<CheckInEvidence> evidence(long enrolmentId) {
        return jdbc.sql("""
                        select id, session_id, enrolment_id, person_id, direction, at, method, device_fingerprint, ip,
                               user_agent, voided
                        from check_in where enrolment_id = ? order by at, id""")
                .param(enrolmentId).query(CheckInEvidence.class).list();
    }

    /** The class's grid; empty when the class does not exist or is not the caller's. */
    Optional<Grid> grid(long classId) {
        return grid(classId, false);
    }

    /**
     * @param managing only for those who run or teach the class (the attendance pages); otherwise whatever the
     *     caller's scope shows (a learner: their own row)
     */
    Optional<Grid> grid(long classId, boolean managing) {
        Optional<String> className = jdbc.sql("select name from training_class where id = ?"
                        + (managing ? " and training_class_staff_visible(id)" : ""))
                .param(classId).query(String.class).optional();
        if (className.isEmpty()) {
            return Optional.empty();
        }
        List<GridSession> sessions = jdbc.sql("""
                        select id, starts_at, ends_at, kind, hours from class_session
                        where class_id = ? order by starts_at, id""")
                .param(classId).query(GridSession.class).list();
        List<Fact> facts = jdbc.sql("""
                        select e.id as enrolment_id, p.name, s.id as session_id,
                               exists (select 1 from check_in c where c.session_id = s.id and c.enrolment_id = e.id
                                       and c.direction = 'IN' and not c.voided) as present,
                               (select o.credited_seconds from online_study o
                                where o.session_id = s.id and o.enrolment_id = e.id) as credited,
                               (select l.status from leave_request l
                                where l.session_id = s.id and l.enrolment_id = e.id) as leave
                        from enrolment e
                        left join person p on p.id = e.person_id
                        join class_session s on s.class_id = e.class_id
                        where e.class_id = ? and e.status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')
                        order by p.name, e.id, s.starts_at, s.id""")
                .param(classId).query(Fact.class).list();
        Map<Long, Map<Long, Fact>> byEnrolment = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (Fact fact : facts) {
            byEnrolment.computeIfAbsent(fact.enrolmentId(), k -> new LinkedHashMap<>()).put(fact.sessionId(), fact);
            names.put(fact.enrolmentId(), fact.name());
        }
        if (sessions.isEmpty()) {
            jdbc.sql("""
                            select e.id, p.name from enrolment e left join person p on p.id = e.person_id
                            where e.class_id = ? and e.status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')
                            order by p.name, e.id""")
                    .param(classId).query((rs, n) -> {
                        names.put(rs.getLong(1), rs.getString(2));
                        byEnrolment.put(rs.getLong(1), Map.of());
                        return null;
                    }).list();
        }
        Instant now = clock.instant();
        List<GridRow> rows = new ArrayList<>();
        byEnrolment.forEach((enrolmentId, perSession) -> {
            BigDecimal scheduled = BigDecimal.ZERO;
            BigDecimal attended = BigDecimal.ZERO;
            BigDecimal leave = BigDecimal.ZERO;
            List<Cell> cells = new ArrayList<>();
            for (GridSession session : sessions) {
                Fact fact = perSession.get(session.id());
                boolean ended = session.ended(now);
                BigDecimal earned = earned(session, fact);
                boolean onLeave = fact != null && "APPROVED".equals(fact.leave());
                if (ended) {
                    scheduled = scheduled.add(session.hours());
                    attended = attended.add(earned);
                    if (onLeave) {
                        leave = leave.add(session.hours());
                    }
                }
                cells.add(cell(session, ended, earned, onLeave));
            }
            BigDecimal rate = scheduled.signum() == 0 ? null : attended.divide(scheduled, 4, RoundingMode.HALF_UP);
            rows.add(new GridRow(enrolmentId, names.get(enrolmentId), cells,
                    new Rate(enrolmentId, scheduled, attended.setScale(1, RoundingMode.HALF_UP), leave, rate)));
        });
        return Optional.of(new Grid(classId, className.get(), sessions, rows));
    }

    /** Hours a session earns: in full with a check-in; online, the credited study time up to its hours. */
    private static BigDecimal earned(GridSession session, Fact fact) {
        if (fact == null) {
            return BigDecimal.ZERO;
        }
        if ("ONLINE".equals(session.kind())) {
            BigDecimal hours = BigDecimal.valueOf(fact.credited() == null ? 0 : fact.credited())
                    .divide(SECONDS_PER_HOUR, 4, RoundingMode.DOWN);
            return hours.min(session.hours());
        }
        return fact.present() ? session.hours() : BigDecimal.ZERO;
    }

    private static Cell cell(GridSession session, boolean ended, BigDecimal earned, boolean onLeave) {
        if (onLeave) {
            return new Cell("LEAVE", null);
        }
        if ("ONLINE".equals(session.kind())) {
            return earned.signum() > 0 || ended ? new Cell("ONLINE", earned.setScale(1, RoundingMode.DOWN))
                    : new Cell("", null);
        }
        if (earned.signum() > 0) {
            return new Cell("PRESENT", null);
        }
        return new Cell(ended ? "ABSENT" : "", null);
    }

    /** The grid as an xlsx workbook, headed in the caller's language by the given labels. */
    byte[] export(long classId, Map<String, String> labels) {
        Grid grid = grid(classId, true).orElseThrow(() -> new NotFound("training_class", classId));
        DateTimeFormatter format = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(Times.ZONE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(labels.get("sheet"));
            CellStyle bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            int column = 0;
            header(header, column++, labels.get("name"), bold);
            for (GridSession session : grid.sessions()) {
                header(header, column++, format.format(session.startsAt()) + " " + labels.get(session.kind()), bold);
            }
            header(header, column++, labels.get("scheduled"), bold);
            header(header, column++, labels.get("attended"), bold);
            header(header, column, labels.get("rate"), bold);
            int r = 1;
            for (GridRow row : grid.rows()) {
                Row line = sheet.createRow(r++);
                int c = 0;
                line.createCell(c++).setCellValue(row.name() == null ? "" : row.name());
                for (Cell cell : row.cells()) {
                    String text = switch (cell.mark()) {
                        case "PRESENT" -> "✓";
                        case "ABSENT" -> "✗";
                        case "LEAVE" -> labels.get("leave");
                        case "ONLINE" -> cell.hours().toPlainString() + "h";
                        default -> "";
                    };
                    line.createCell(c++).setCellValue(text);
                }
                line.createCell(c++).setCellValue(row.rate().scheduledHours().doubleValue());
                line.createCell(c++).setCellValue(row.rate().attendedHours().doubleValue());
                org.apache.poi.ss.usermodel.Cell rate = line.createCell(c);
                if (row.rate().rate() != null) {
                    rate.setCellValue(row.rate().rate().doubleValue());
                }
            }
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            int rateColumn = grid.sessions().size() + 3;
            for (int i = 1; i < r; i++) {
                org.apache.poi.ss.usermodel.Cell rate = sheet.getRow(i).getCell(rateColumn);
                if (rate != null) {
                    rate.setCellStyle(percent);
                }
            }
            sheet.setColumnWidth(0, 14 * 256);
            sheet.createFreezePane(1, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Row row, int column, String text, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }
}
