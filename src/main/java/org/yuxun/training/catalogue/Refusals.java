package org.yuxun.training.catalogue;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yuxun.shared.InvalidInput;

/** Turns a refusal into text in the user's language, for actions that answer with a message instead of a form. */
@Component
class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    String text(InvalidInput refusal, Locale locale) {
        return refusal.violations().stream()
                .map(v -> messages.getMessage(v.code(), v.args(), v.defaultMessage(), locale))
                .collect(Collectors.joining("；"));
    }

    String concurrentEdit(Locale locale) {
        return messages.getMessage("error.concurrentEdit", null, "该记录已被他人修改，请刷新页面后重新操作。", locale);
    }
}
