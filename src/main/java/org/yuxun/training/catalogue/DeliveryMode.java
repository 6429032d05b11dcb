package org.yuxun.training.catalogue;

/** 送教进企, 引训入校, 线上, 线上线下混合 (seeds/001 §二(五)). */
enum DeliveryMode {
    TO_ENTERPRISE, ON_CAMPUS, ONLINE, BLENDED
}
