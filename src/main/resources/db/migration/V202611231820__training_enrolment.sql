-- Enrolment: background jobs run under their owner's name (the audit trail records who acted), and an import
-- row enrols at most once per class, so uploading the same file again enrols nobody twice.
alter table job add column owner_name text;

create unique index enrolment_import_key_idx on enrolment (class_id, import_key) where import_key is not null;
create index enrolment_class_idx on enrolment (class_id, status);

-- 工作单位 as the learner or the roster file gives it, when the learner is not enrolled by their enterprise.
alter table enrolment add column employer text check (length(employer) <= 100);
