package org.yuxun.organization;

/**
 * Enterprise size as the National Bureau of Statistics classifies it (《统计上大中小微型企业划分办法（2017）》):
 * 大型, 中型, 小型, 微型. Subsidy and reporting rules distinguish small and micro enterprises.
 */
public enum EnterpriseSize {
    LARGE,
    MEDIUM,
    SMALL,
    MICRO
}
