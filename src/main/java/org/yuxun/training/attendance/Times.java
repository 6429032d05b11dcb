package org.yuxun.training.attendance;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the attendance pages show them: China Standard Time, where the training takes place. */
final class Times {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);

    private Times() {
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    static String shortDateTime(Instant at) {
        return at == null ? "" : SHORT.format(at);
    }

    static String range(Instant from, Instant to) {
        return DATE_TIME.format(from) + "–" + CLOCK.format(to);
    }
}
