package org.yuxun.identity.internal;

/** SQL {@code like} patterns from what a user typed, so that {@code %} and {@code _} match only themselves. */
final class LikePatterns {

    private LikePatterns() {
    }

    /** A pattern matching any text that contains the typed text; blank matches everything. */
    static String containing(String typed) {
        String text = typed == null ? "" : typed.trim();
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
