package org.yuxun.identity;

/**
 * One permission per action (per button), kept in code and assignable to roles. Controllers and templates check
 * them by name ({@code hasAuthority('INSTITUTION_EDIT')}); what rows an action reaches is the data scope's business.
 * The label of each is the message {@code permission.<NAME>}.
 */
public enum Permission {
    REGION_VIEW,
    AUTHORITY_VIEW, AUTHORITY_CREATE, AUTHORITY_EDIT, AUTHORITY_DEACTIVATE,
    INSTITUTION_VIEW, INSTITUTION_CREATE, INSTITUTION_EDIT, INSTITUTION_DEACTIVATE,
    ENTERPRISE_VIEW, ENTERPRISE_CREATE, ENTERPRISE_EDIT, ENTERPRISE_DEACTIVATE,
    VENUE_VIEW, VENUE_CREATE, VENUE_EDIT, VENUE_DEACTIVATE,
    PERSON_VIEW, PERSON_CREATE, PERSON_EDIT, PERSON_REVEAL_IDENTITY,
    USER_VIEW, USER_CREATE, USER_EDIT, USER_DISABLE, USER_RESET_PASSWORD,
    ROLE_VIEW, ROLE_EDIT,
    AUDIT_VIEW,
    API_TOKEN_MANAGE,
    PROGRAMME_VIEW, PROGRAMME_CREATE, PROGRAMME_EDIT, PROGRAMME_SUBMIT, PROGRAMME_APPROVE, PROGRAMME_PUBLISH,
    PROGRAMME_RETIRE,
    CLASS_VIEW, CLASS_CREATE, CLASS_EDIT, CLASS_SCHEDULE, CLASS_COMPLETE,
    ENROLMENT_VIEW, ENROLMENT_CREATE, ENROLMENT_IMPORT, ENROLMENT_WITHDRAW, ENROLMENT_TRANSFER,
    LEARNER_ACCOUNT_ISSUE,
    ATTENDANCE_TAKE, ATTENDANCE_CORRECT, LEAVE_APPROVE,
    ASSESSMENT_RECORD,
    CERTIFICATE_VIEW, CERTIFICATE_ISSUE, CERTIFICATE_REVOKE, CERTIFICATE_TEMPLATE,
    MY_TRAINING,
    SIGNING_KEY_ROTATE,
    SUBSIDY_POLICY_VIEW, SUBSIDY_POLICY_MANAGE,
    SUBSIDY_CLAIM_VIEW, SUBSIDY_CLAIM_CREATE, SUBSIDY_CLAIM_SUBMIT, SUBSIDY_CLAIM_REVIEW, SUBSIDY_CLAIM_PAY,
    CREDIT_CATALOGUE_VIEW, CREDIT_CATALOGUE_EDIT, CREDIT_RULE_EDIT, CREDIT_RULE_PUBLISH, CREDIT_APPLICATION_VIEW,
    CREDIT_APPLICATION_REVIEW, CREDIT_SETTING_EDIT, CREDIT_STATISTICS_VIEW,
    SUBSIDY_APPRENTICESHIP_VIEW, SUBSIDY_APPRENTICESHIP_SUBMIT, SUBSIDY_APPRENTICESHIP_REVIEW;

    /** The group shown as one row of the role editor, e.g. {@code INSTITUTION}. */
    public String group() {
        int cut = name().lastIndexOf('_');
        String tail = name().substring(cut + 1);
        return switch (tail) {
            case "VIEW", "CREATE", "EDIT", "DEACTIVATE", "DISABLE", "MANAGE", "SUBMIT", "APPROVE", "PUBLISH",
                 "RETIRE", "SCHEDULE", "COMPLETE", "IMPORT", "WITHDRAW", "TRANSFER", "TAKE", "CORRECT", "RECORD",
                 "TRAINING", "ISSUE", "REVOKE", "TEMPLATE", "ROTATE", "REVIEW", "PAY" -> name().substring(0, cut);
            default -> name().startsWith("PERSON_") ? "PERSON" : name().startsWith("USER_") ? "USER" : name();
        };
    }

    /**
     * The action within the {@link #group()}, shown as one column of the role editor, e.g. {@code EDIT} or
     * {@code REVEAL_IDENTITY}; a permission that is its own group has the action {@code USE}.
     */
    public String action() {
        String group = group();
        return group.length() == name().length() ? "USE" : name().substring(group.length() + 1);
    }
}
