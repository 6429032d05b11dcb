package org.yuxun.identity;

/** Looks up accounts as the rest of the application needs them. */
public interface Accounts {

    /** The account as it would be signed in now: roles, permissions and data scope as of this moment. */
    CurrentUser load(String username);
}
