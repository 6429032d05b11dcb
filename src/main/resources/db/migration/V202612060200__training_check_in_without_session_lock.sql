-- Check-in at the rate of a whole class scanning one code (seeds/001 §二(五) real-name attendance; DESIGN.md speed
-- target ≥ 1,000 check-ins/s).
--
-- 1. The foreign key check_in.session_id → class_session made every check-in take a KEY SHARE lock on its
--    session's row: all learners of a session lock the same row at once, which PostgreSQL records as a new
--    multixact per check-in (a shared lock list rewritten by every locker) and a WAL record on that one page. The
--    key is replaced by two checks: the learner's check-in inserts only if the session exists in the class of the
--    learner's enrolment (CheckIns asks class_session_in_class in its insert), and a session that has check-ins
--    cannot be deleted — the trigger below refuses it, as the key did. What the key also prevented and this does not: a session's
--    first check-in committed in the same instant as the deletion of that (until then unattended) session leaves
--    a check-in without its session, which attendance and claims, reading check-ins through their sessions, do
--    not count. Check-ins of other kinds (leave, online study) keep their keys; they are not bursts on one row.
alter table check_in drop constraint check_in_session_id_fkey;

-- Voided check-ins are few; this index lets the guard below (and the schedule page's own check) find them without
-- reading the table, as check_in_once_idx does for the others.
create index check_in_voided_session_idx on check_in (session_id) where voided;

-- Whether the session exists in the class: one index probe. It runs as the owner (no row-level security when the
-- owner bypasses it) because the caller has already been shown the class by its enrolment, and joining
-- class_session under the learner's policies (class → enrolment → …) doubled the check-in's database time.
create function class_session_in_class(target bigint, class bigint) returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
    as $$
    select exists (select 1 from class_session where id = target and class_id = class)
    $$;

create function class_session_has_check_ins(target bigint) returns boolean
    language sql stable
    as $$
    select exists (select 1 from check_in where session_id = target and not voided)
        or exists (select 1 from check_in where session_id = target and voided)
    $$;

create function class_session_keep_attended() returns trigger
    language plpgsql
    as $$
    begin
        if class_session_has_check_ins(old.id) then
            raise exception 'class session % has check-ins', old.id using errcode = 'foreign_key_violation';
        end if;
        return old;
    end
    $$;

create trigger class_session_keep_attended
    before delete on class_session
    for each row execute function class_session_keep_attended();

-- 2. A learner's own rows first: PostgreSQL reads a table's policies in the order of their names and combines the
--    permissive ones with OR in that order, so for a learner these cheap tests on the row's own columns decide
--    before the staff and authority tests are evaluated. The enrolment policy repeats a branch of enrolment_scope
--    (a learner's own enrolments, for every command), so it grants nothing new. The check-in policy is for reading
--    only: a check-in carries the person of its enrolment (CheckIns, SessionAttendance copy it from the enrolment
--    row), so a learner reads what they read before; writing still needs the learner's own enrolment
--    (check_in_scope).
create policy check_in_learner on check_in for select using (scope_kind() = 'LEARNER' and person_id = scope_person());
create policy enrolment_learner on enrolment using (scope_kind() = 'LEARNER' and person_id = scope_person());
