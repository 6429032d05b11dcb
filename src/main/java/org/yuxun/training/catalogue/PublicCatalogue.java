package org.yuxun.training.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yuxun.organization.OrganizationDirectory;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.NotFound;
import org.yuxun.shared.Page;
import org.yuxun.shared.Text;

/**
 * The public face of the catalogue: published programmes of every institution, which learners find and enrol
 * from without signing in. Only PUBLISHED programmes and their ENROLLING or IN_PROGRESS classes are shown, whoever
 * asks, so a signed-in staff member sees here exactly what the public sees.
 */
@Service
class PublicCatalogue {

    /** Search criteria of the public list. */
    record Criteria(String text, String region, IndustryField industryField, DeliveryMode deliveryMode,
                    Boolean free) {
    }

    /** A published programme in the public list. */
    record Listing(long id, String name, String institutionName, IndustryField industryField,
                   DeliveryMode deliveryMode, String occupationName, java.math.BigDecimal totalHours,
                   java.math.BigDecimal fee, CompletionAward completionAward) {
    }

    /** A class open to learners, with the places left. */
    record OpenClass(long id, String name, LocalDate startDate, LocalDate endDate, int capacity, long placesLeft,
                     ClassStatus status) {
    }

    private final JdbcClient jdbc;
    private final ProgrammeCatalogue catalogue;
    private final OrganizationDirectory directory;

    PublicCatalogue(JdbcClient jdbc, ProgrammeCatalogue catalogue, OrganizationDirectory directory) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.directory = directory;
    }

    Page<Listing> search(Criteria criteria, int page, int size) {
        StringBuilder where = new StringBuilder(" where status = 'PUBLISHED'");
        List<Object> params = new ArrayList<>();
        String text = Text.normalise(criteria.text());
        if (text != null && !text.isEmpty()) {
            where.append(" and (name ilike ? or occupation_name ilike ?)");
            params.add("%" + text + "%");
            params.add("%" + text + "%");
        }
        String region = Text.normalise(criteria.region());
        if (region != null && region.matches("[0-9]{2,6}")) {
            where.append(" and region_code like ?");
            params.add(region.replaceAll("(00)+$", "") + "%");
        }
        if (criteria.industryField() != null) {
            where.append(" and industry_field = ?");
            params.add(criteria.industryField().name());
        }
        if (criteria.deliveryMode() != null) {
            where.append(" and delivery_mode = ?");
            params.add(criteria.deliveryMode().name());
        }
        if (criteria.free() != null) {
            where.append(criteria.free() ? " and fee = 0" : " and fee > 0");
        }
        long total = jdbc.sql("select count(*) from programme" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Listing> rows = jdbc.sql("""
                        select id, name, institution_id, industry_field, delivery_mode, occupation_name,
                               theory_hours + practice_hours + online_hours as total_hours, fee, completion_award
                        from programme""" + where + " order by published_at desc nulls last, id desc limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new Listing(rs.getLong("id"), rs.getString("name"),
                        directory.institutionName(rs.getLong("institution_id")).orElse(""),
                        IndustryField.valueOf(rs.getString("industry_field")),
                        DeliveryMode.valueOf(rs.getString("delivery_mode")), rs.getString("occupation_name"),
                        rs.getBigDecimal("total_hours"), rs.getBigDecimal("fee"),
                        CompletionAward.valueOf(rs.getString("completion_award"))))
                .list();
        return new Page<>(rows, page, size, total);
    }

    ProgrammeCatalogue.ProgrammeView programme(long id) {
        return catalogue.findPublished(id).orElseThrow(() -> new NotFound("Programme", id));
    }

    /** Open classes; the places left are counted in system scope, as a number only. */
    List<OpenClass> openClasses(long programmeId) {
        List<OpenClass> open = jdbc.sql("""
                        select id, name, start_date, end_date, capacity, status from training_class
                        where programme_id = ? and status in ('ENROLLING', 'IN_PROGRESS') order by start_date""")
                .param(programmeId)
                .query((rs, n) -> new OpenClass(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        rs.getInt("capacity"), rs.getInt("capacity"), ClassStatus.valueOf(rs.getString("status"))))
                .list();
        return open.stream().map(c -> {
            long taken = DataScope.asSystem(() -> jdbc.sql("""
                            select count(*) from enrolment where class_id = ?
                            and status in ('ENROLLED', 'COMPLETED', 'NOT_COMPLETED')""")
                    .param(c.id()).query(Long.class).single());
            return new OpenClass(c.id(), c.name(), c.startDate(), c.endDate(), c.capacity(),
                    Math.max(0, c.capacity() - taken), c.status());
        }).toList();
    }
}
