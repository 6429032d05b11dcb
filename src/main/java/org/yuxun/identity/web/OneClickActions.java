package org.yuxun.identity.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yuxun.shared.InvalidInput;

/**
 * Runs an action behind a single button (disable, unlock, revoke, delete) and reports its outcome on the page the
 * browser is sent back to: "saved", or why it was refused, or that someone else changed the record meanwhile.
 */
@Component
class OneClickActions {

    private final MessageSource messages;

    OneClickActions(MessageSource messages) {
        this.messages = messages;
    }

    /** Whether the action succeeded. */
    boolean run(RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("saved", true);
            return true;
        } catch (InvalidInput e) {
            InvalidInput.Violation v = e.violations().getFirst();
            flash.addFlashAttribute("problem", messages.getMessage(v.code(), v.args(), v.defaultMessage(),
                    LocaleContextHolder.getLocale()));
        } catch (OptimisticLockingFailureException e) {
            flash.addFlashAttribute("problem", messages.getMessage("error.concurrentEdit", null,
                    "该记录已被他人修改，请刷新页面后重新操作。", LocaleContextHolder.getLocale()));
        }
        return false;
    }
}
