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
