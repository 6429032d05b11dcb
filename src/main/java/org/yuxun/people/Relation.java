package org.yuxun.people;

/**
 * How an organisation knows a person. An institution sees a person only through such a relationship (DESIGN.md,
 * "Data scope, precisely"), so every registration names one.
 */
public enum Relation {
    /** 学员: enrolled, or about to be, in the institution's training or programmes. */
    LEARNER,
    /** 教职工: teacher or staff of the institution, including enterprise part-time teachers. */
    STAFF,
    /** 职工: worker of the enterprise, whose training the enterprise commissions or reports. */
    EMPLOYEE,
    /** 申请人: sent the organisation an application (an enrolment request, a job application). */
    APPLICANT;

    /** Whether this relationship exists for the kind of organisation. */
    public boolean appliesTo(OrgRef.Kind kind) {
        return switch (this) {
            case LEARNER, STAFF -> kind == OrgRef.Kind.INSTITUTION;
            case EMPLOYEE -> kind == OrgRef.Kind.ENTERPRISE;
            case APPLICANT -> true;
        };
    }
}
