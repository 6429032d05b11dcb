package org.yuxun.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yuxun.IntegrationTest;

/**
 * Links are written into pages as the templates write them — no lookup among the static resources per link — and
 * the WebJars they name are served without a version in the address.
 */
@IntegrationTest
class PageLinksTest {

    @Autowired
    MockMvc mvc;

    @Test
    void pagesLinkWebJarsWithoutVersionAndTheLinksWork() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "href=\"/webjars/bootstrap/css/bootstrap.min.css\"")));
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
    }
}
