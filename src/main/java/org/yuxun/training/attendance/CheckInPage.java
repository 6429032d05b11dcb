package org.yuxun.training.attendance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a learner's phone shows after scanning: recorded, or why not. It is the one page every learner of a
 * class opens within the same minute, so it is written here rather than by the template engine, which cost a
 * third of a check-in's CPU (docs/benchmarks.md); the markup is what the other mobile pages use. Every text comes
 * from the message bundles and every value is HTML-escaped. The page is returned as UTF-8 bytes, its head — the
 * same for every learner of a language — encoded once per language and context path: building it anew was a fifth
 * of the memory a check-in request allocates.
 */
final class CheckInPage {

    /** More languages and context paths than this mean something is wrong; the cache then starts over. */
    private static final int MAX_HEADS = 64;

    private record HeadKey(Locale locale, String contextPath) {
    }

    private final MessageSource messages;
    private final Map<HeadKey, byte[]> heads = new ConcurrentHashMap<>();

    CheckInPage(MessageSource messages) {
        this.messages = messages;
    }

    byte[] recorded(Locale locale, String contextPath, String learner, CheckIns.CheckedIn done) {
        StringBuilder html = new StringBuilder(1024);
        html.append("""
                  <div class="card text-center shadow-sm" id="check-in-result" data-result="success">
                    <div class="card-body py-5">
                      <i class="bi bi-check-circle-fill text-success" style="font-size: 5rem"></i>
                      <h1 class="h2 mt-3">""")
                .append(text("attendance.checkin.success." + done.direction().name(), locale))
                .append("</h1>\n      <dl class=\"mt-4 mb-0 fs-5\">\n        <dt>")
                .append(text("attendance.checkin.learner", locale)).append("</dt><dd>").append(escape(learner))
                .append("</dd>\n        <dt>").append(text("attendance.checkin.session", locale))
                .append("</dt>\n        <dd><span>").append(escape(done.className()))
                .append("</span><br><small class=\"text-muted\">").append(escape(done.topic()))
                .append("</small></dd>\n        <dt>").append(text("attendance.checkin.at", locale))
                .append("</dt><dd>").append(escape(done.time())).append("""
                </dd>
                      </dl>
                    </div>
                  </div>
                """);
        return page(locale, contextPath, html);
    }

    byte[] refused(Locale locale, String contextPath, String learner, CheckInRefused.Reason reason) {
        boolean already = reason == CheckInRefused.Reason.ALREADY;
        StringBuilder html = new StringBuilder(1024);
        html.append("  <div class=\"card text-center shadow-sm\" id=\"check-in-result\" data-result=\"")
                .append(reason.name()).append("""
                ">
                    <div class="card-body py-5">
                      <i class="bi\s""")
                .append(already ? "bi-info-circle-fill text-primary" : "bi-x-circle-fill text-danger")
                .append("\" style=\"font-size: 5rem\"></i>\n      <h1 class=\"h3 mt-3\">")
                .append(text(already ? "attendance.checkin.success.IN" : "attendance.checkin.refused", locale))
                .append("</h1>\n      <p class=\"fs-5 mt-3 mb-0\">").append(text(reason.code(), locale))
                .append("</p>\n      <p class=\"text-muted mt-3 mb-0\">").append(escape(learner)).append("""
                </p>
                    </div>
                  </div>
                """);
        return page(locale, contextPath, html);
    }

    /** The head for the language and context path, then the card, then the end of the page. */
    private byte[] page(Locale locale, String contextPath, StringBuilder card) {
        if (heads.size() > MAX_HEADS) {
            heads.clear();
        }
        byte[] head = heads.computeIfAbsent(new HeadKey(locale, contextPath),
                key -> head(key.locale(), key.contextPath()).getBytes(StandardCharsets.UTF_8));
        byte[] rest = card.append("</main>\n</body>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] page = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, page, head.length, rest.length);
        return page;
    }

    private String head(Locale locale, String contextPath) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append("en".equals(locale.getLanguage()) ? "en" : "zh-CN").append("""
                ">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>""")
                .append(text("attendance.checkin.title", locale)).append(" · ").append(text("app.name", locale))
                .append("</title>\n  <link rel=\"stylesheet\" href=\"").append(contextPath)
                .append("/webjars/bootstrap/css/bootstrap.min.css\">\n  <link rel=\"stylesheet\" href=\"")
                .append(contextPath).append("""
                /webjars/bootstrap-icons/font/bootstrap-icons.min.css">
                </head>
                <body class="bg-light">
                <main class="container py-4" style="max-width: 480px">
                  <p class="text-muted text-center mb-3"><i class="bi bi-mortarboard"></i> <span>""")
                .append(text("app.name", locale)).append("</span></p>\n");
        return html.toString();
    }

    private String text(String code, Locale locale) {
        return escape(messages.getMessage(code, null, code, locale));
    }

    private static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
