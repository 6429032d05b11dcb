package org.yuxun.portal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yuxun.identity.CurrentUser;

/** The public front page, sign-in, and each role's home dashboard. */
@Controller
class PortalController {

    private final Dashboards dashboards;

    PortalController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/")
    String index(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser) {
            return "redirect:/home";
        }
        return "portal/index";
    }

    @GetMapping("/login")
    String login(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser) {
            return "redirect:/home";
        }
        return "portal/login";
    }

    @GetMapping("/home")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("tiles", dashboards.tilesFor(user));
        return "portal/home";
    }
}
