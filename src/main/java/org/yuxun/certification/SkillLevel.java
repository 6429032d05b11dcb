package org.yuxun.certification;

/**
 * The five levels of 职业技能等级证书 (GLOSSARY: 五级/初级工 … 一级/高级技师), by their number 1–5.
 */
public final class SkillLevel {

    private static final String[] NAMES = {"一级/高级技师", "二级/技师", "三级/高级工", "四级/中级工", "五级/初级工"};

    private SkillLevel() {
    }

    /** {@code 四级/中级工} for 4; null for null. */
    public static String name(Integer level) {
        if (level == null) {
            return null;
        }
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("Skill level must be 1–5");
        }
        return NAMES[level - 1];
    }
}
