-- Over-advance reclaimed (issue 6; seeds/002 L1249 "补贴期限按照实际培训期限（不超过备案期限）计算"): an
-- apprentice's balance is what the actual training earned minus the advance, so it may be negative, and a filing
-- whose advance exceeded what its apprentices earned settles with a reclaim (应退回) from the enterprise: a row of
-- subsidy_disbursement of kind APPRENTICESHIP_RECLAIM whose amount is what the enterprise must pay back.

alter table subsidy_apprentice drop constraint subsidy_apprentice_balance_check;
alter table subsidy_apprentice add constraint subsidy_apprentice_balance_check check (balance >= -advance);

alter table subsidy_disbursement drop constraint subsidy_disbursement_kind_check;
alter table subsidy_disbursement add constraint subsidy_disbursement_kind_check
    check (kind in ('CLAIM_LINE', 'APPRENTICESHIP_ADVANCE', 'APPRENTICESHIP_BALANCE', 'APPRENTICESHIP_RECLAIM'));
