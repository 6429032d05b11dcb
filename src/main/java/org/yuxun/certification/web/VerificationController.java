package org.yuxun.certification.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yuxun.certification.internal.Verification;
import org.yuxun.certification.internal.VerificationRateLimit;

/**
 * The public verification page, reached from a certificate's QR code or by number and name. It needs no sign-in
 * and creates no session: the page uses its own layout without the signed-in navigation and its form is a GET.
 * The page of a QR code's link is rendered once per verdict and language ({@link VerificationPages}).
 */
@Controller
class VerificationController {

    private final Verification verification;
    private final VerificationRateLimit limit;
    private final VerificationPages pages;

    VerificationController(Verification verification, VerificationRateLimit limit, VerificationPages pages) {
        this.verification = verification;
        this.limit = limit;
        this.pages = pages;
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String number, @RequestParam(required = false) String name,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("name", name);
        if (number == null && name == null) {
            return VerificationPages.VERIFY;
        }
        if (!limit.allow(request.getRemoteAddr())) {
            return tooMany(response);
        }
        model.addAttribute("answer", verification.byNumberAndName(number, name, request.getRemoteAddr()));
        return VerificationPages.VERIFY;
    }

    @GetMapping("/verify/{publicId}")
    void link(@PathVariable String publicId, HttpServletRequest request, HttpServletResponse response,
              Locale locale) throws Exception {
        if (!limit.allow(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "60");
            pages.limited(request, response, locale);
            return;
        }
        pages.answer(verification.byPublicId(publicId, request.getRemoteAddr()), request, response, locale);
    }

    private static String tooMany(HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "60");
        return VerificationPages.LIMITED;
    }
}
