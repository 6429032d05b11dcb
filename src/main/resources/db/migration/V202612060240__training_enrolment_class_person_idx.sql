-- A learner's own enrolment in a class, found in one index probe: the check-in's insert reads the enrolment by
-- class, status and person under row-level security; with the person outside this index PostgreSQL read every
-- enrolled row of the class and filtered them (2,000 per check-in in a class of 2,000, half of the check-in's
-- database time). Lists by class and status keep using the same index by its first two columns.
drop index enrolment_class_idx;
create index enrolment_class_idx on enrolment (class_id, status, person_id);
