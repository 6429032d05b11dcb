-- Whoever sets a password for someone else (an administrator creating an account or resetting a password) knows
-- it, so the user must choose their own at the next sign-in before doing anything else.
alter table app_user add column must_change_password boolean not null default false;

-- Sign-in matches usernames regardless of case, so two accounts may not differ by case alone.
create unique index app_user_username_lower_idx on app_user (lower(username));

-- The second wall behind the grant rules of UserManagement: outside the platform, a role may be granted only
-- within the granter's own remit (an institution administrator grants institution and teacher roles, an
-- authority officer roles of their own authority's kind, enterprise HR enterprise roles), never a wider one.
create policy user_role_grant_within_remit on user_role as restrictive for insert with check (
    scope_all()
    or exists (select 1 from role r
               where r.code = user_role.role_code
                 and ((scope_kind() = 'INSTITUTION' and r.scope_kind in ('INSTITUTION', 'TEACHER'))
                   or (scope_kind() in ('EDUCATION_AUTHORITY', 'HRSS_AUTHORITY', 'ENTERPRISE')
                       and r.scope_kind = scope_kind()))));

