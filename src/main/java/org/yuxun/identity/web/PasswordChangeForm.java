package org.yuxun.identity.web;

/** The change-password form: the current password, and the new one twice. */
record PasswordChangeForm(String currentPassword, String newPassword, String confirmPassword) {

    static PasswordChangeForm empty() {
        return new PasswordChangeForm("", "", "");
    }
}
