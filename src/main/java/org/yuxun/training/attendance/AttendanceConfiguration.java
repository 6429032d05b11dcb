package org.yuxun.training.attendance;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuxun.shared.MasterKey;

/** The clock the attendance rules read, and the token codec under its own derived key. */
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
}
