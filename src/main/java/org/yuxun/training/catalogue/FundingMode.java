package org.yuxun.training.catalogue;

/** 补贴性, 市场化 or 企业委托 training (seeds/001 §二(一)). */
enum FundingMode {
    SUBSIDISED, MARKET, COMMISSIONED
}
