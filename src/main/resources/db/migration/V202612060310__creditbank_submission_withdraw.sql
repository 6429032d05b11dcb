-- A learner may withdraw their own submission while it waits for review (a wrong file, the wrong institution):
-- the row and its evidence are deleted; once reviewed it stays, as the record of the recognition.
create policy outcome_submission_learner_withdraw on outcome_submission for delete using (
    scope_kind() = 'LEARNER' and person_id = scope_person() and status = 'SUBMITTED');
