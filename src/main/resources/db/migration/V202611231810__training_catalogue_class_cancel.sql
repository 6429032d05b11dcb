-- Why a class was cancelled (取消原因), shown on its page and kept with the audit entry.
alter table training_class add column cancel_reason text check (length(cancel_reason) <= 500);
