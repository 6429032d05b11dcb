package org.yuxun.training.catalogue;

/**
 * 重点人群 a programme is aimed at: the groups seeds/001 §二(二) names (高校毕业生, 退役军人, 农民工, 去产能分流职工,
 * 建档立卡贫困劳动力, 残疾人), those of §二(三) (长期失业青年, 农村留守妇女, 大龄失业人员) and 企业职工 of §二(一).
 */
enum PriorityGroup {
    GRADUATES, VETERANS, MIGRANT_WORKERS, REDEPLOYED_WORKERS, POVERTY_REGISTERED, DISABLED, LONG_TERM_UNEMPLOYED_YOUTH,
    LEFT_BEHIND_RURAL_WOMEN, OLDER_UNEMPLOYED, ENTERPRISE_EMPLOYEES
}
