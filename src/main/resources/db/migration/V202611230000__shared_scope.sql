-- The application role may read and write every table the owner creates; row-level security decides which rows.
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
grant usage on schema public to ${app_role};

-- The caller's data scope, as the application sets it on every connection (ScopedDataSource).
-- An unset scope is treated as no scope at all: every policy denies.
create function scope_kind() returns text
    language sql stable parallel safe
    as $$ select coalesce(nullif(current_setting('yuxun.scope', true), ''), 'NONE') $$;

create function scope_user() returns bigint
    language sql stable parallel safe
    as $$ select nullif(current_setting('yuxun.user_id', true), '')::bigint $$;

create function scope_person() returns bigint
    language sql stable parallel safe
    as $$ select nullif(current_setting('yuxun.person_id', true), '')::bigint $$;

create function scope_org() returns bigint
    language sql stable parallel safe
    as $$ select nullif(current_setting('yuxun.org_id', true), '')::bigint $$;

-- GB/T 2260 prefix of the governed region subtree; never empty for authority officers, so '%' cannot match all.
create function scope_region() returns text
    language sql stable parallel safe
    as $$ select coalesce(nullif(current_setting('yuxun.region', true), ''), '-') $$;

-- Platform administrators and system work see everything.
create function scope_all() returns boolean
    language sql stable parallel safe
    as $$ select scope_kind() in ('SYSTEM', 'PLATFORM') $$;
