-- A learning outcome recorded from a certificate that was later revoked stays in the account, marked, and can no
-- longer be converted (issue 5; seeds/001 §二(九): outcomes convert "按规定").
alter table learning_outcome add column revoked_on date;
alter table learning_outcome add column revoked_reason text check (length(revoked_reason) <= 500);
alter table learning_outcome add constraint learning_outcome_revoked_check
    check ((revoked_on is null) = (revoked_reason is null));
