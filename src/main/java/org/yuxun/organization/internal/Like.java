package org.yuxun.organization.internal;

/** Search text as a {@code LIKE} pattern: the user's {@code %} and {@code _} match themselves, not anything. */
public final class Like {

    private Like() {
    }

    public static String contains(String text) {
        return "%" + escape(text.trim()) + "%";
    }

    public static String startsWith(String text) {
        return escape(text.trim()) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
