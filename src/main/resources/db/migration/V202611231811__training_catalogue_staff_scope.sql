-- Staff pages show a programme or class only within the caller's own remit. The public policies make every
-- published programme and its open classes readable by anyone, which is right for the public pages but must not
-- turn another institution's class into one a user may manage. These functions restate the non-public policies
-- of V202611231800__training.sql, so the rule stays in the database, next to the policies it mirrors.
create function programme_in_staff_scope(p programme) returns boolean
    language sql stable parallel safe
    as $$
    select training_visible(p.institution_id, p.institution_kind, p.region_code, p.funding_mode = 'SUBSIDISED')
        or (scope_kind() = 'TEACHER' and p.institution_id = scope_org())
        or (scope_kind() = 'ENTERPRISE' and exists (select 1 from programme_partner pp
                                                     where pp.programme_id = p.id and pp.enterprise_id = scope_org()))
    $$;

create function class_in_staff_scope(c training_class) returns boolean
    language sql stable parallel safe
    as $$
    select training_visible(c.institution_id, c.institution_kind, c.region_code, c.subsidised)
        or (scope_kind() = 'TEACHER' and exists (select 1 from class_teacher t where t.class_id = c.id
                                                                            and t.user_id = scope_user()))
        or (scope_kind() = 'ENTERPRISE' and c.enterprise_id = scope_org())
    $$;
