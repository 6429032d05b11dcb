-- An institution registers a new partner enterprise by its 统一社会信用代码 and links it in the same transaction.
-- Until the enterprise_partner row exists the new enterprise is outside the institution's scope, so the general
-- policy (which is also its WITH CHECK) would refuse the insert: this policy admits exactly that insert. The
-- application allocates the id beforehand, since INSERT … RETURNING would need the row to be visible already.
create policy enterprise_registered_by_institution on enterprise for insert
    with check (scope_kind() = 'INSTITUTION');

-- Authority officers see the partnerships of the institutions in their remit (an enterprise's partner colleges,
-- a college's partner enterprises); the institution's own policy decides which those are.
create policy enterprise_partner_authority_read on enterprise_partner for select using (
    scope_kind() in ('EDUCATION_AUTHORITY', 'HRSS_AUTHORITY')
    and exists (select 1 from institution i where i.id = enterprise_partner.institution_id));

create index enterprise_industry_idx on enterprise (industry_code);
create index institution_kind_idx on institution (kind);
create index institution_authority_idx on institution (supervising_authority_id);
