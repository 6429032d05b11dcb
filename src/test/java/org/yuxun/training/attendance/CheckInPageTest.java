package org.yuxun.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

        String html = text(page.recorded(Locale.SIMPLIFIED_CHINESE, "/app", "王<script>", done));

        assertThat(html).contains("lang=\"zh-CN\"", "data-result=\"success\"", "签到成功", "王&lt;script&gt;",
                        "电工&lt;b&gt;班", "安全 &amp; 规范", "href=\"/app/webjars/bootstrap/css/bootstrap.min.css\"")
                .doesNotContain("<script>", "<b>");
    }

    @Test
    void aRefusalSaysWhyInTheLearnersLanguage() {
        String zh = text(page.refused(Locale.SIMPLIFIED_CHINESE, "", "王小明", CheckInRefused.Reason.EXPIRED));
        String en = text(page.refused(Locale.ENGLISH, "", "Wang", CheckInRefused.Reason.EXPIRED));

        assertThat(zh).contains("data-result=\"EXPIRED\"", "未能签到", "二维码已过期", "bi-x-circle-fill");
        assertThat(en).contains("lang=\"en\"", "data-result=\"EXPIRED\"").doesNotContain("二维码已过期", "未能签到");
        assertThat(text(page.refused(Locale.SIMPLIFIED_CHINESE, "", "王小明", CheckInRefused.Reason.ALREADY)))
                .contains("data-result=\"ALREADY\"", "bi-info-circle-fill", "签到成功");
    }

    @Test
    void eachLanguageAndContextPathKeepsItsOwnHead() {
        CheckIns.CheckedIn done = new CheckIns.CheckedIn(1, 2, Direction.OUT, Instant.parse("2026-12-05T01:02:03Z"),
                "电工班", "安全");

        String first = text(page.recorded(Locale.SIMPLIFIED_CHINESE, "/a", "王小明", done));
        String english = text(page.recorded(Locale.ENGLISH, "/a", "Wang", done));
        String otherPath = text(page.recorded(Locale.SIMPLIFIED_CHINESE, "/b", "王小明", done));
        String again = text(page.recorded(Locale.SIMPLIFIED_CHINESE, "/a", "李四", done));

        assertThat(english).contains("lang=\"en\"", "href=\"/a/webjars/").doesNotContain("签退成功");
        assertThat(otherPath).contains("lang=\"zh-CN\"", "href=\"/b/webjars/").doesNotContain("href=\"/a/");
        assertThat(again).isEqualTo(first.replace("王小明", "李四")).endsWith("</html>\n");
    }

    private static String text(byte[] page) {
        return new String(page, StandardCharsets.UTF_8);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/messages", "messages/training-attendance");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
