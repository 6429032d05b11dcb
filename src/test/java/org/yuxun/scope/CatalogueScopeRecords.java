package org.yuxun.scope;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Institution A's training catalogue records for the data-scope test: a draft programme, a class and a session. */
final class CatalogueScopeRecords {

    private CatalogueScopeRecords() {
    }

    /** Runs inside the fixture's system scope. */
    static void create(JdbcClient jdbc, ScopeFixture f) {
        f.programmeA = jdbc.sql("""
                        insert into programme (institution_id, institution_kind, region_code, name, type, funding_mode,
                                               industry_field, occupation_name, theory_hours, delivery_mode,
                                               description, status)
                        values (?, 'HIGHER_VOCATIONAL', '330106', ?, 'JOB_SKILLS', 'MARKET', 'OTHER', ?, 8,
                                'ON_CAMPUS', ?, 'APPROVED') returning id""")
                .params(f.institutionA, f.marker + "项目", f.marker + "工", f.marker + "介绍")
                .query(Long.class).single();
        jdbc.sql("insert into programme_module (programme_id, position, name, hours) values (?, 1, ?, 8)")
                .params(f.programmeA, f.marker + "模块").update();
        jdbc.sql("insert into programme_partner (programme_id, enterprise_id, institution_id) values (?, ?, ?)")
                .params(f.programmeA, f.enterpriseA, f.institutionA).update();
        f.documentA = jdbc.sql("""
                        insert into programme_document (programme_id, kind, file_name, content_type, size_bytes,
                                                        storage_key)
                        values (?, 'TRAINING_PLAN', ?, 'application/pdf', 1, 'missing') returning id""")
                .params(f.programmeA, f.marker + ".pdf").query(Long.class).single();
        f.classA = jdbc.sql("""
                        insert into training_class (programme_id, institution_id, institution_kind, region_code,
                                                    subsidised, name, start_date, end_date, capacity)
                        values (?, ?, 'HIGHER_VOCATIONAL', '330106', false, ?, date '2030-01-01', date '2030-01-31',
                                30) returning id""")
                .params(f.programmeA, f.institutionA, f.marker + "班").query(Long.class).single();
        f.sessionA = jdbc.sql("""
                        insert into class_session (class_id, institution_id, starts_at, ends_at, kind, venue_id,
                                                   hours, topic)
                        values (?, ?, timestamptz '2030-01-02 09:00+08', timestamptz '2030-01-02 11:00+08', 'THEORY',
                                ?, 2, ?) returning id""")
                .params(f.classA, f.institutionA, f.venueA, f.marker + "课").query(Long.class).single();
    }
}
