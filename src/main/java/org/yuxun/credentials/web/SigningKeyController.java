package org.yuxun.credentials.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.credentials.SigningKeyManagement;
import org.yuxun.credentials.SigningKeyManagement.KeyView;

/**
 * The staff page of the signing keys: an institution's administrator sees and rotates their own institution's
 * key, the platform administrator every issuer's (the data scope decides which keys are listed and reachable).
 */
@Controller
class SigningKeyController {

    private final SigningKeyManagement signingKeys;

    SigningKeyController(SigningKeyManagement signingKeys) {
        this.signingKeys = signingKeys;
    }

    @GetMapping("/signing-keys")
    @PreAuthorize("hasAuthority('SIGNING_KEY_ROTATE')")
    String list(Model model) {
        model.addAttribute("keys", signingKeys.keys());
        return "credentials/signing-keys";
    }

    @PostMapping("/signing-keys/{issuerId}/rotate")
    @PreAuthorize("hasAuthority('SIGNING_KEY_ROTATE')")
    String rotate(@PathVariable long issuerId, RedirectAttributes flash) {
        KeyView rotated = signingKeys.rotate(issuerId);
        flash.addFlashAttribute("rotated", rotated.kid());
        return "redirect:/signing-keys";
    }
}
