package org.yuxun.organization.api;

import java.util.List;

import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.Page;

/**
 * One page of a list as the API returns it.
 *
 * @param page zero-based page number
 * @param size rows per page (at most {@value #MAX_SIZE})
 * @param total rows matching in all
 */
record PageView<T>(List<T> items, int page, int size, long total, int totalPages) {

    static final int MAX_SIZE = 200;

    static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.content(), page.number(), page.size(), page.total(), page.totalPages());
    }

    /**
     * Refuses paging parameters out of range instead of silently changing them, so a client that asks for 500
     * rows learns that it gets 200.
     */
    static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidInput("page", "api.page.range", "页码不能小于 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "api.size.range", "每页条数应在 1 至 " + MAX_SIZE + " 之间", MAX_SIZE);
        }
    }
}
