-- The audit search filters by action within a time range, newest first.
create index audit_event_action_idx on audit_event (action, at desc);
