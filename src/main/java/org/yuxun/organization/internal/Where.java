package org.yuxun.organization.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The conditions of a search, built from whichever filters were given, with their parameters in order. */
public final class Where {

    private final StringBuilder sql = new StringBuilder(" where true");
    private final List<Object> params = new ArrayList<>();

    public Where and(String condition, Object... values) {
        sql.append(" and (").append(condition).append(')');
        Collections.addAll(params, values);
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public List<Object> params() {
        return List.copyOf(params);
    }

    /** The parameters followed by {@code limit} and {@code offset} for one page. */
    public List<Object> params(int page, int size) {
        List<Object> all = new ArrayList<>(params);
        all.add(size);
        all.add((long) page * size);
        return all;
    }
}
