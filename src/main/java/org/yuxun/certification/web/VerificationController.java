package org.yuxun.certification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yuxun.certification.internal.Verification;
import org.yuxun.certification.internal.Verification.Answer;
import org.yuxun.certification.internal.VerificationRateLimit;

/**
 * The public verification page, reached from a certificate's QR code or by number and name. It needs no sign-in
 * and creates no session: the page uses its own layout without the signed-in navigation and its form is a GET.
 */
@Controller
class VerificationController {

    private final Verification verification;
    private final VerificationRateLimit limit;

    VerificationController(Verification verification, VerificationRateLimit limit) {
        this.verification = verification;
        this.limit = limit;
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String number, @RequestParam(required = false) String name,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("name", name);
        if (number == null && name == null) {
            return "certification/verify";
        }
        if (!limit.allow(request.getRemoteAddr())) {
            return tooMany(response);
        }
        model.addAttribute("answer", verification.byNumberAndName(number, name, request.getRemoteAddr()));
        return "certification/verify";
    }

    @GetMapping("/verify/{publicId}")
    String link(@PathVariable String publicId, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        if (!limit.allow(request.getRemoteAddr())) {
            return tooMany(response);
        }
        Answer answer = verification.byPublicId(publicId, request.getRemoteAddr());
        model.addAttribute("answer", answer);
        return "certification/verify";
    }

    private static String tooMany(HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "60");
        return "certification/verify-limited";
    }
}
