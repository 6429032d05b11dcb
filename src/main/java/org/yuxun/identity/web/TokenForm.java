package org.yuxun.identity.web;

/** A new API token: a name to recognise it by and, optionally, how many days it stays valid. */
record TokenForm(String name, Integer expiryDays) {

    static TokenForm empty() {
        return new TokenForm("", 90);
    }
}
