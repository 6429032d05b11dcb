-- The staff rule for classes is stated once, in class_in_staff_scope (V202611231811): the by-id check used by
-- the assessment and attendance pages delegates to it, and the attendance pages' own copy is dropped.
create or replace function training_class_staff_visible(target bigint) returns boolean
    language sql stable parallel safe
    as $$
    select exists (select 1 from training_class c where c.id = target and class_in_staff_scope(c))
    $$;

drop function training_class_managed(bigint);
