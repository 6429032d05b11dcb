-- The contact number an organisation holds for a person. A person record is shared across institutions, but a
-- phone number given to one institution is that institution's knowledge: another institution linking the same
-- person must not see it (DESIGN.md, "Data scope, precisely"). person.phone_cipher / phone_masked remain the
-- person's own number, given by themselves or by a platform administrator. Region and type of the organisation
-- are copied from its person_link, so the policy below decides visibility row by row, without a subquery: the
-- roster import writes a hundred thousand contacts at a time.
create table person_contact
(
    person_id    bigint      not null references person (id),
    org_kind     text        not null check (org_kind in ('INSTITUTION', 'ENTERPRISE')),
    org_id       bigint      not null,
    region_code  text        not null,
    org_type     text        not null,
    phone_cipher bytea       not null,
    phone_masked text        not null,
    updated_at   timestamptz not null default now(),
    primary key (person_id, org_kind, org_id)
);

-- A contact is visible to whoever sees its organisation's relationship to the person (person_link_read).
alter table person_contact enable row level security;
alter table person_contact force row level security;
create policy person_contact_read on person_contact for select using (
    scope_all()
    or (scope_kind() = 'INSTITUTION' and org_kind = 'INSTITUTION' and org_id = scope_org())
    or (scope_kind() = 'ENTERPRISE' and org_kind = 'ENTERPRISE' and org_id = scope_org())
    or (scope_kind() = 'LEARNER' and person_id = scope_person())
    or (org_kind = 'INSTITUTION' and in_authority_remit(org_type, region_code)));
create policy person_contact_write on person_contact for all using (
    scope_all()
    or (scope_kind() = 'INSTITUTION' and org_kind = 'INSTITUTION' and org_id = scope_org())
    or (scope_kind() = 'ENTERPRISE' and org_kind = 'ENTERPRISE' and org_id = scope_org()))
    with check (
    scope_all()
    or (scope_kind() = 'INSTITUTION' and org_kind = 'INSTITUTION' and org_id = scope_org())
    or (scope_kind() = 'ENTERPRISE' and org_kind = 'ENTERPRISE' and org_id = scope_org()));

-- Reading stays as V202611230020 defined it; writing is narrowed. Authorities supervise and read, they never
-- create or change relationships; an organisation writes only its own; a person row is created only by the
-- registry's cross-scope insert (PersonRegistry, in system scope) and changed only by an organisation linked to it.
drop policy person_link_scope on person_link;
create policy person_link_read on person_link for select using (
    scope_all()
    or (scope_kind() = 'INSTITUTION' and org_kind = 'INSTITUTION' and org_id = scope_org())
    or (scope_kind() = 'ENTERPRISE' and org_kind = 'ENTERPRISE' and org_id = scope_org())
    or (scope_kind() = 'LEARNER' and person_id = scope_person())
    or (org_kind = 'INSTITUTION' and in_authority_remit(org_type, region_code)));
create policy person_link_write on person_link for all using (
    scope_all()
    or (scope_kind() = 'INSTITUTION' and org_kind = 'INSTITUTION' and org_id = scope_org())
    or (scope_kind() = 'ENTERPRISE' and org_kind = 'ENTERPRISE' and org_id = scope_org()))
    with check (
    scope_all()
    or (scope_kind() = 'INSTITUTION' and org_kind = 'INSTITUTION' and org_id = scope_org())
    or (scope_kind() = 'ENTERPRISE' and org_kind = 'ENTERPRISE' and org_id = scope_org()));

drop policy person_self on person;
drop policy person_scope on person;
create policy person_read on person for select using (
    scope_all()
    or id = scope_person()
    or (scope_kind() in ('INSTITUTION', 'ENTERPRISE', 'EDUCATION_AUTHORITY', 'HRSS_AUTHORITY')
        and exists (select 1 from person_link l where l.person_id = person.id)));
create policy person_insert on person for insert with check (scope_all());
create policy person_update on person for update using (
    scope_all()
    or (scope_kind() in ('INSTITUTION', 'ENTERPRISE')
        and exists (select 1 from person_link l where l.person_id = person.id)))
    with check (
    scope_all()
    or (scope_kind() in ('INSTITUTION', 'ENTERPRISE')
        and exists (select 1 from person_link l where l.person_id = person.id)));
create policy person_delete on person for delete using (scope_all());

