package org.yuxun.training.attendance;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.yuxun.shared.MasterKey;

/** The clock the attendance rules read, the token codec under its own derived key, and the check-in page. */
@Configuration(proxyBeanMethods = false)
class AttendanceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AttendanceTokens attendanceTokens(MasterKey masterKey, Clock clock, AttendanceSettings settings) {
        return new AttendanceTokens(masterKey.derive("attendance.token", "HmacSHA256"), clock,
                settings.tokenLifetime());
    }

    /** The check-in page, answered by the last filter, after the security filters, in place of the dispatcher. */
    @Bean
    FilterRegistrationBean<CheckInEndpoint> checkInEndpoint(CheckIns checkIns, MessageSource messages,
                                                            LocaleResolver localeResolver) {
        FilterRegistrationBean<CheckInEndpoint> registration =
                new FilterRegistrationBean<>(new CheckInEndpoint(checkIns, messages, localeResolver));
        registration.addUrlPatterns(CheckInEndpoint.PATH);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
