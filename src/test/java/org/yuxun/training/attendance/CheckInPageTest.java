package org.yuxun.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The hand-written check-in page: texts from the bundles in the learner's language, every value escaped. */
class CheckInPageTest {

    final CheckInPage page = new CheckInPage(messages());

    @Test
    void aRecordedCheckInNamesLearnerClassAndTopicEscaped() {
        CheckIns.CheckedIn done = new CheckIns.CheckedIn(1, 2, Direction.IN, Instant.parse("2026-12-05T01:02:03Z"),
                "电工<b>班", "安全 & 规范");

        String html = page.recorded(Locale.SIMPLIFIED_CHINESE, "/app", "王<script>", done);

        assertThat(html).contains("lang=\"zh-CN\"", "data-result=\"success\"", "签到成功", "王&lt;script&gt;",
                        "电工&lt;b&gt;班", "安全 &amp; 规范", "href=\"/app/webjars/bootstrap/css/bootstrap.min.css\"")
                .doesNotContain("<script>", "<b>");
    }

    @Test
    void aRefusalSaysWhyInTheLearnersLanguage() {
        String zh = page.refused(Locale.SIMPLIFIED_CHINESE, "", "王小明", CheckInRefused.Reason.EXPIRED);
        String en = page.refused(Locale.ENGLISH, "", "Wang", CheckInRefused.Reason.EXPIRED);

        assertThat(zh).contains("data-result=\"EXPIRED\"", "未能签到", "二维码已过期", "bi-x-circle-fill");
        assertThat(en).contains("lang=\"en\"", "data-result=\"EXPIRED\"").doesNotContain("二维码已过期", "未能签到");
        assertThat(page.refused(Locale.SIMPLIFIED_CHINESE, "", "王小明", CheckInRefused.Reason.ALREADY))
                .contains("data-result=\"ALREADY\"", "bi-info-circle-fill", "签到成功");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/messages", "messages/training-attendance");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
