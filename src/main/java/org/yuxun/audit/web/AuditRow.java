package org.yuxun.audit.web;

import org.yuxun.audit.AuditLog.Entry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** One audit entry on the search page, with its before and after snapshots laid out for reading. */
record AuditRow(Entry entry, String before, String after) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static AuditRow of(Entry entry) {
        return new AuditRow(entry, pretty(entry.before()), pretty(entry.after()));
    }

    public boolean hasSnapshots() {
        return before != null || after != null;
    }

    /** Indented JSON; what cannot be parsed is shown as stored. */
    static String pretty(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JacksonException e) {
            return json;
        }
    }
}
