-- Whether the caller sees a class as staff (the institution running it, the authorities whose remit covers it, a
-- teacher of the class, the commissioning enterprise) rather than only through the public or learner policies of
-- training_class. Published classes are readable by everyone (training_class_public), so pages that manage a class
-- (scores, completion) ask this instead of relying on the row being visible. The expression is the one of the
-- training_class_scope policy.
create function training_class_staff_visible(target bigint) returns boolean
    language sql stable parallel safe
    as $$
    select exists (select 1 from training_class c
                   where c.id = target
                     and (training_visible(c.institution_id, c.institution_kind, c.region_code, c.subsidised)
                          or (scope_kind() = 'TEACHER'
                              and exists (select 1 from class_teacher t where t.class_id = c.id
                                                                       and t.user_id = scope_user()))
                          or (scope_kind() = 'ENTERPRISE' and c.enterprise_id = scope_org())))
    $$;
