package org.yuxun.subsidy;

/**
 * Who a policy pays (DESIGN.md, "Who is paid"): the institution (training subsidy it claims), the learner
 * (individual claim, living allowance) or the enterprise (apprentices, commissioned training; seeds/002 L1249).
 */
public enum Payee { INSTITUTION, LEARNER, ENTERPRISE }
