package org.yuxun.training;

import java.util.Arrays;
import java.util.Optional;

/**
 * 重点人群: the groups whose employment and re-employment training the policy singles out (seeds/001 §二(二):
 * 高校毕业生、退役军人、农民工、去产能分流职工、建档立卡贫困劳动力、残疾人; §二(三): 长期失业青年、农村留守妇女、大龄失业人员).
 * The category is recorded on the enrolment because subsidy rules and statistics read it; {@link #NONE} is a
 * learner who belongs to none of them, for example an enterprise worker in upskilling.
 */
public enum EnrolmentPriorityGroup {
    NONE("无"),
    COLLEGE_GRADUATE("高校毕业生"),
    VETERAN("退役军人"),
    MIGRANT_WORKER("农民工"),
    REDEPLOYED_WORKER("去产能分流职工"),
    REGISTERED_POOR("建档立卡贫困劳动力"),
    DISABLED("残疾人"),
    UNEMPLOYED_YOUTH("长期失业青年"),
    RURAL_WOMAN("农村留守妇女"),
    OLDER_UNEMPLOYED("大龄失业人员");

    private final String label;

    EnrolmentPriorityGroup(String label) {
        this.label = label;
    }

    /** The Chinese label, as the Excel template's drop-down list and exports show it. */
    public String label() {
        return label;
    }

    /** The group an Excel cell names by its label (or its code), if any. */
    public static Optional<EnrolmentPriorityGroup> fromLabel(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        return Arrays.stream(values()).filter(g -> g.label.equals(t) || g.name().equalsIgnoreCase(t)).findFirst();
    }

    /** The value stored in {@code enrolment.priority_group}: null for {@link #NONE}. */
    public String stored() {
        return this == NONE ? null : name();
    }

    /** The group a stored value names; {@link #NONE} for null. */
    public static EnrolmentPriorityGroup ofStored(String value) {
        return value == null ? NONE : valueOf(value);
    }
}
