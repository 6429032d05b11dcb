-- Attendance: attention checks of online study and the indexes the attendance pages read.
-- A pending challenge must be confirmed by the learner; heartbeats credited while it is pending stay provisional
-- (pending_seconds) and are dropped if it is not confirmed in time, so a script that only sends heartbeats earns
-- nothing after its first challenge.
alter table online_study
    add column challenge_code      text,
    add column challenge_issued_at timestamptz,
    add column next_challenge_at   timestamptz,
    add column pending_seconds     int not null default 0 check (pending_seconds >= 0);

create index leave_request_session_idx on leave_request (session_id);
create index leave_request_institution_idx on leave_request (institution_id, status, created_at desc);

-- Whether the caller runs or teaches a class: its institution's staff (and the authorities whose remit covers
-- it) or one of its teachers. Classes of published programmes are readable by everyone for their public pages;
-- the attendance pages ask this instead, so only those who run the class reach its roll.
create function training_class_managed(target bigint) returns boolean
    language sql stable parallel safe
    as $$
    select exists (select 1 from training_class c
                   where c.id = target
                     and (training_visible(c.institution_id, c.institution_kind, c.region_code, c.subsidised)
                          or (scope_kind() = 'TEACHER'
                              and exists (select 1 from class_teacher t
                                          where t.class_id = c.id and t.user_id = scope_user()))))
    $$;
