package org.yuxun.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the rows and where they sit in the whole.
 *
 * @param number zero-based page number
 */
public record Page<T>(List<T> content, int number, int size, long total) {

    public static final int DEFAULT_SIZE = 20;

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return number + 1 < totalPages();
    }

    public boolean isEmpty() {
        return content.isEmpty();
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(content.stream().map(mapper).toList(), number, size, total);
    }

    /** A page number from a request parameter, never negative. */
    public static int clamp(Integer page) {
        return page == null || page < 0 ? 0 : page;
    }
}
