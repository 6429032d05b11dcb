package org.yuxun.organization.web;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** Puts a form into the model for rendering without losing the errors binding recorded for it. */
final class FormModel {

    private FormModel() {
    }

    /**
     * When a typed value could not be converted (a letter in a number field), binding records the error but
     * leaves no form object; the form passed here takes its place and the errors are carried over, so the page
     * shows the typed values with the message at the field.
     */
    static void put(Model model, String name, Object form) {
        if (model.getAttribute(name) != null) {
            return;
        }
        Object previous = model.getAttribute(BindingResult.MODEL_KEY_PREFIX + name);
        model.addAttribute(name, form);
        if (previous instanceof BindingResult errors && errors.hasErrors()) {
            BeanPropertyBindingResult carried = new BeanPropertyBindingResult(form, name);
            carried.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, carried);
        }
    }
}
