-- A QR check-in in one function call (seeds/001 §二(五) real-name attendance; DESIGN.md speed target ≥ 1,000
-- check-ins/s with p99 < 100 ms).
--
-- 1. The insert as a PL/pgSQL function that runs as the owner. As a statement of the application role, the insert
--    evaluated enrolment's row-level security three times (reading the enrolment, and twice in check_in_scope's
--    WITH CHECK), building each time the executor state of a policy written for every kind of user, and asked
--    class_session_in_class, a SQL function that PostgreSQL parses and plans on every call; measured with pgbench
--    on the benchmark's data (2,000 learners, 21 classes), this was about 0.5 ms of database CPU per check-in, and
--    the function below about 0.2 ms. The function is no way around data scope: it records only the person of the
--    caller's scope (scope_person(), written by ScopedDataSource from the signed-in learner), only for a LEARNER
--    scope — the same test as the policies enrolment_learner and check_in_learner — and only when the person the
--    application names (the signed-in learner's, CheckIns) is that same person: two sources that must agree, as the
--    statement and its policies had to before. When the owner is subject to row-level security (an owner role
--    without BYPASSRLS, the tables being FORCEd), the policies apply inside as well, with the learner's scope: the
--    same rows are found, only slower.
--
-- 2. The foreign key check_in.enrolment_id → enrolment locked the learner's enrolment row (KEY SHARE) on every
--    check-in: a write of that row and a WAL record each time, about a fifth of the check-in's database time. The
--    function reads the enrolment in the statement that inserts; a trigger refuses to delete an enrolment that has
--    check-ins, as the key did. Enrolments are never deleted by Yuxun (withdrawal and transfer change their
--    status), so what the key also covered — a deletion committed in the very instant of the first check-in —
--    cannot arise from the application.
create function record_qr_check_in(p_person bigint, p_session bigint, p_class bigint, p_direction text,
                                   p_at timestamptz, p_token text, p_fingerprint text, p_ip text,
                                   p_user_agent text)
    returns bigint
    language plpgsql volatile security definer
    set search_path = pg_catalog, public, pg_temp
    as $$
    declare
        recorded bigint;
    begin
        insert into check_in (session_id, enrolment_id, institution_id, person_id, direction, at, method, token_id,
                              device_fingerprint, ip, user_agent)
        select p_session, e.id, e.institution_id, e.person_id, p_direction, p_at, 'QR', p_token, p_fingerprint,
               p_ip, p_user_agent
        from enrolment e
        where scope_kind() = 'LEARNER' and p_person = scope_person()
          and e.class_id = p_class and e.person_id = p_person and e.status = 'ENROLLED'
          and exists (select 1 from class_session s where s.id = p_session and s.class_id = p_class)
        on conflict do nothing
        returning id into recorded;
        return recorded;
    end
    $$;

revoke all on function record_qr_check_in(bigint, bigint, bigint, text, timestamptz, text, text, text, text)
    from public;
grant execute on function record_qr_check_in(bigint, bigint, bigint, text, timestamptz, text, text, text, text)
    to ${app_role};

-- Only the check-in asked it; the function above reads class_session itself.
drop function class_session_in_class(bigint, bigint);

alter table check_in drop constraint check_in_enrolment_id_fkey;

-- As the owner, so that it sees every check-in of the enrolment whoever deletes.
create function enrolment_keep_attended() returns trigger
    language plpgsql security definer
    set search_path = pg_catalog, public, pg_temp
    as $$
    begin
        if exists (select 1 from check_in where enrolment_id = old.id) then
            raise exception 'enrolment % has check-ins', old.id using errcode = 'foreign_key_violation';
        end if;
        return old;
    end
    $$;

create trigger enrolment_keep_attended
    before delete on enrolment
    for each row execute function enrolment_keep_attended();

-- 3. Indexes that serve what reads check-ins. Nothing looks check-ins up by device or address (the subsidy checks
--    compare the check-ins of one class in memory, CheckInPatterns), so those two indexes only cost every insert;
--    the learner's evidence, the claim's check-ins of a class and the guard above find check-ins by enrolment.
drop index check_in_device_idx;
drop index check_in_ip_idx;
create index check_in_enrolment_idx on check_in (enrolment_id);
