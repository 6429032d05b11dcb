-- Authorities oversee the credit bank of the institutions in their remit, read only (issue 5): an education authority
-- its region's vocational colleges, an HR & social-security authority its technical schools and training bodies, as
-- in_authority_remit decides for every other record of an institution. They read applications, their lines, the
-- credits awarded, learners' submissions, conversion rules and, to name an application, the student and the degree
-- programme it was made in; no policy here lets them write.
create function credit_institution_in_remit(institution bigint) returns boolean
    language sql stable parallel safe
    as $$
    select scope_kind() in ('EDUCATION_AUTHORITY', 'HRSS_AUTHORITY')
       and exists (select 1 from institution i where i.id = institution and in_authority_remit(i.kind, i.region_code))
    $$;

create policy credit_application_authority_read on credit_application for select using (
    credit_institution_in_remit(institution_id));
create policy credit_application_line_authority_read on credit_application_line for select using (
    credit_institution_in_remit(institution_id));
create policy credit_award_authority_read on credit_award for select using (
    credit_institution_in_remit(institution_id));
create policy outcome_submission_authority_read on outcome_submission for select using (
    credit_institution_in_remit(institution_id));
create policy programme_student_authority_read on programme_student for select using (
    credit_institution_in_remit(institution_id));
create policy degree_programme_authority_read on degree_programme for select using (
    credit_institution_in_remit(institution_id));
create policy conversion_rule_authority_read on conversion_rule for select using (
    credit_institution_in_remit(institution_id));

create index credit_award_institution_idx on credit_award (institution_id);
