package org.yuxun.training.attendance;

/** 签到 or 签退. Check-out exists only for practice sessions, whose hours count from arrival to departure. */
public enum Direction {
    IN, OUT
}
