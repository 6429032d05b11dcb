package org.yuxun.identity.web;

/** The new password an administrator types for a user, twice. */
record PasswordResetForm(String password, String confirmPassword, Integer version) {

    static PasswordResetForm of(int version) {
        return new PasswordResetForm("", "", version);
    }
}
