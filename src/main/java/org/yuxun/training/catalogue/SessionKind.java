package org.yuxun.training.catalogue;

/** 理论, 实操 or 线上 session; the hours of each kind are checked against the programme's split. */
enum SessionKind {
    THEORY, PRACTICE, ONLINE
}
