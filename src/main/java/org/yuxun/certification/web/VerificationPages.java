package org.yuxun.certification.web;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.yuxun.certification.internal.CertificationSettings;
import org.yuxun.certification.internal.Verification;
import org.yuxun.certification.internal.Verification.Answer;

/**
 * The rendered verification pages. A page says nothing but its answer, in the caller's language (no session, no
 * CSRF token, no echoed input), so the bytes rendered for an answer are sent again for as long as
 * {@link Verification} returns that same answer object; a new verdict is a new object and is rendered anew. The
 * answer for unknown ids is one object, so its page is kept once per language, whatever id was guessed.
 */
@Component
class VerificationPages {

    static final String VERIFY = "certification/verify";
    static final String LIMITED = "certification/verify-limited";
    private static final UUID ANY = new UUID(0, 0);

    private record Key(String view, UUID publicId, Locale locale) {
    }

    private record Page(Object answer, byte[] html) {
    }

    private final ViewResolver views;
    private final int capacity;
    private final Map<Key, Page> pages = new ConcurrentHashMap<>();

    VerificationPages(@Qualifier("thymeleafViewResolver") ViewResolver views, CertificationSettings settings) {
        this.views = views;
        this.capacity = settings.verdictCacheSize();
    }

    /** Sends the page of the answer to a request by public id. */
    void answer(Answer answer, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws Exception {
        UUID id = answer.certificate() == null ? ANY : answer.certificate().publicId();
        send(new Key(VERIFY, id, locale), answer, Map.of("answer", answer), request, response, locale);
    }

    /** Sends the page telling a client to wait. */
    void limited(HttpServletRequest request, HttpServletResponse response, Locale locale) throws Exception {
        send(new Key(LIMITED, ANY, locale), LIMITED, Map.of(), request, response, locale);
    }

    private void send(Key key, Object answer, Map<String, ?> model, HttpServletRequest request,
                      HttpServletResponse response, Locale locale) throws Exception {
        Page page = pages.get(key);
        if (page == null || page.answer() != answer) {
            page = new Page(answer, render(key.view(), model, request, response, locale));
            if (capacity > 0) {
                pages.put(key, page);
                if (pages.size() > capacity) {
                    trim();
                }
            }
        }
        response.setLocale(locale);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.html().length);
        response.getOutputStream().write(page.html());
    }

    private byte[] render(String name, Map<String, ?> model, HttpServletRequest request,
                          HttpServletResponse response, Locale locale) throws Exception {
        View view = views.resolveViewName(name, locale);
        if (view == null) {
            throw new IllegalStateException("No template " + name);
        }
        ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
        view.render(model, request, buffer);
        return buffer.getContentAsByteArray();
    }

    /** Pages of verdicts that no longer stand are replaced when next asked for; beyond the size, any go. */
    private void trim() {
        int excess = pages.size() - capacity * 9 / 10;
        for (Iterator<Key> it = pages.keySet().iterator(); it.hasNext() && excess > 0; excess--) {
            it.next();
            it.remove();
        }
    }
}
