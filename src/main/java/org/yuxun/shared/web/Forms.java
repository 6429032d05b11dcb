package org.yuxun.shared.web;

import org.springframework.validation.BindingResult;
import org.yuxun.shared.InvalidInput;

/** Places a business rule's refusal on the form, at the field it names. */
public final class Forms {

    private Forms() {
    }

    public static void reject(BindingResult result, InvalidInput invalid) {
        for (InvalidInput.Violation v : invalid.violations()) {
            if (v.field() == null) {
                result.reject(v.code(), v.args(), v.defaultMessage());
            } else {
                result.rejectValue(v.field(), v.code(), v.args(), v.defaultMessage());
            }
        }
    }
}
