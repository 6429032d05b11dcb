package org.yuxun.shared.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.NotFound;
import tools.jackson.databind.exc.MismatchedInputException;

/** Errors of the REST API as RFC 7807 Problem Details, with field-level messages in the caller's language. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, text("error.notFound", "记录不存在"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                text("error.badParameter", "参数格式不正确") + ": " + e.getName());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text("error.forbidden", "没有权限"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentEdit() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("error.concurrentEdit", "记录已被他人修改"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("error.conflict", "与已有记录冲突"));
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                text("error.invalid", "输入有误"));
        problem.setProperty("errors", e.violations().stream()
                .map(v -> Map.of("field", v.field() == null ? "" : v.field(),
                        "message", messages.getMessage(v.code(), v.args(), v.defaultMessage(),
                                LocaleContextHolder.getLocale())))
                .toList());
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                text("error.invalid", "输入有误"));
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(),
                        "message", messages.getMessage(f, LocaleContextHolder.getLocale())))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * A body that is not JSON, or a field of the wrong type or with a value outside an enumeration: the client's
     * mistake (400), never a server error. The field is named when the parser knows it.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                text("error.unreadable", "请求内容不是有效的 JSON，或字段的类型、取值不正确"));
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            String field = mismatch.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            Class<?> target = mismatch.getTargetType();
            String message = target != null && target.isEnum()
                    ? messages.getMessage("error.badEnum", new Object[] {allowed(target)},
                            "取值无效，可选值：" + allowed(target), LocaleContextHolder.getLocale())
                    : text("error.badValue", "类型或格式不正确");
            if (!field.isEmpty()) {
                problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
            }
        }
        return problem;
    }

    private static String allowed(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
