package org.yuxun.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;

/**
 * What a browser user sees when a page cannot be served: a page in their language that says what happened,
 * never a stack trace. Applies to page controllers only; the REST API answers with Problem Details
 * ({@link ApiErrors}).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    @ExceptionHandler({NotFound.class, NoResourceFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(HttpServletResponse response) {
        return page(response, HttpStatus.NOT_FOUND, "error.notFound");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(HttpServletResponse response) {
        return page(response, HttpStatus.FORBIDDEN, "error.forbidden");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView concurrentEdit(HttpServletResponse response) {
        return page(response, HttpStatus.CONFLICT, "error.concurrentEdit");
    }

    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalid(HttpServletResponse response, InvalidInput e) {
        ModelAndView page = page(response, HttpStatus.BAD_REQUEST, "error.invalid");
        page.addObject("detail", e.getMessage());
        return page;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView conflict(HttpServletResponse response, HttpServletRequest request, DataIntegrityViolationException e) {
        log.info("Refused by a database constraint at {}: {}", request.getRequestURI(),
                e.getMostSpecificCause().getClass().getSimpleName());
        return page(response, HttpStatus.CONFLICT, "error.conflict");
    }

    static ModelAndView page(HttpServletResponse response, HttpStatus status, String messageKey) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("messageKey", messageKey);
        return page;
    }
}
