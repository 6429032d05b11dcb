-- A learner account (org_kind NONE, signed in as the person themselves) exists at most once per person, so that
-- a learner who enrols publicly and is also given an account by their institution, or two staff issuing accounts
-- for one class at the same moment, never end with two accounts. Staff accounts linked to a person are not
-- learner accounts and do not count.
create unique index app_user_learner_person_idx on app_user (person_id)
    where org_kind = 'NONE' and person_id is not null;
