package org.yuxun.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links of the paging bar: the current list with its filters, at another page. Used as {@code @pageLinks}. */
@Component("pageLinks")
public class PageLinks {

    public String with(int page) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        return ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("page", Math.max(page, 0))
                .build()
                .toUriString();
    }
}
