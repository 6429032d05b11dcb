package org.yuxun.shared;

import java.io.Serial;

/**
 * The record does not exist or lies outside the caller's data scope: the two are answered alike (404), so a
 * caller cannot learn that a record they may not see exists.
 */
public class NotFound extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public NotFound(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
