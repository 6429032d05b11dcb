-- The enterprise's repayment of an over-advance (issue 6; seeds/002 L1249): the city HRSS authority records the
-- date and the receipt's reference on the reclaim row once the money is back, so an open reclaim and a settled
-- one can be told apart.
alter table subsidy_disbursement
    add column returned_on        date,
    add column returned_reference text check (length(returned_reference) between 1 and 100),
    add column returned_by        bigint,
    add constraint subsidy_disbursement_returned_reclaim check (
        (returned_on is null and returned_reference is null)
        or (kind = 'APPRENTICESHIP_RECLAIM' and returned_on is not null and returned_reference is not null));
