package org.yuxun.certification;

/**
 * The kinds of certificate the seeds name. The letter is part of the certificate number, so a number alone tells a
 * reader which register it belongs to.
 */
public enum CertificateKind {
    /** 培训合格证书, issued by the institution that ran the class. */
    TRAINING('T'),
    /** 职业技能等级证书 (五级/初级工 … 一级/高级技师), issued by an institution registered as an evaluator. */
    SKILL_LEVEL('S'),
    /** 1+X 职业技能等级证书, issued by an evaluation organisation (培训评价组织). */
    ONE_PLUS_X('X'),
    /** 职业资格证书, issued elsewhere and recorded here. */
    VOCATIONAL_QUALIFICATION('Q');

    private final char letter;

    CertificateKind(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }
}
