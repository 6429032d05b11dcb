package org.yuxun.training.attendance;

import java.io.Serial;

/** A check-in the rules refuse, with the reason the learner is shown. Nothing has been recorded. */
public class CheckInRefused extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why; each has its own message, so a learner knows what to do next. */
    public enum Reason {
        FORGED("二维码无效，请扫描老师屏幕上的二维码"),
        EXPIRED("二维码已过期，请扫描老师屏幕上最新的二维码"),
        OTHER_SESSION("这个二维码属于另一节课，请扫描本节课的二维码"),
        NOT_ENROLLED("您没有报名这节课所属的培训班，不能签到"),
        NOT_OPEN("现在不在这节课的签到时间内"),
        NO_CHECK_OUT("这节课不需要签退"),
        REPLAYED("这个二维码您已经使用过了，请扫描老师屏幕上最新的二维码"),
        ALREADY("您已经签到过了，无需重复签到"),
        NOT_LEARNER("请使用学员本人的账号登录后签到");

        private final String defaultMessage;

        Reason(String defaultMessage) {
            this.defaultMessage = defaultMessage;
        }

        /** Key in {@code messages/training-attendance.properties}. */
        public String code() {
            return "attendance.refused." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public String defaultMessage() {
            return defaultMessage;
        }
    }

    private final Reason reason;

    public CheckInRefused(Reason reason) {
        super(reason.defaultMessage());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
