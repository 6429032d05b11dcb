package org.yuxun.shared.session;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browser sessions in PostgreSQL (Spring Session JDBC), read with one query per request ({@link RequestSessions})
 * and touched in batches ({@link DeferredTouchSessionRepository}). Spring Session takes the connections from the
 * pool directly: its tables carry no row-level security, and resolving the caller's scope would itself read the
 * session.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /**
     * How often the last-access times of sessions are written (milliseconds): often enough that a class scanning its
     * code at once (every scan a touch: a phone is idle for more than a minute before it) makes small updates
     * rather than one of a thousand rows a second, which took one of two cores for tens of milliseconds.
     */
    static final long TOUCH_INTERVAL_MILLIS = 250;

    /** The finest step in which a session's last access is written (see {@link DeferredTouchSessionRepository}). */
    static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);

    /** Spring Session's transactions (found by this name), on the connections it takes from the pool directly. */
    @Bean
    SessionTransactions springSessionTransactionOperations(HikariDataSource connectionPool) {
        return new SessionTransactions(new TransactionTemplate(new DataSourceTransactionManager(connectionPool)));
    }

    /** Around Spring Session's filter, so that a request reads its session once. */
    @Bean
    FilterRegistrationBean<RequestSessions> requestSessions() {
        FilterRegistrationBean<RequestSessions> registration = new FilterRegistrationBean<>(new RequestSessions());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    @Bean
    LastAccessWriter sessionLastAccessWriter(HikariDataSource connectionPool) {
        return new LastAccessWriter(connectionPool, TOUCH_INTERVAL_MILLIS);
    }

    @Bean
    static BeanPostProcessor deferredTouchSessions(ObjectProvider<SessionTransactions> transactions,
                                                   ObjectProvider<LastAccessWriter> touches) {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcIndexedSessionRepository jdbc) {
                    FindByIndexNameSessionRepository<Session> repository =
                            (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) jdbc;
                    return new DeferredTouchSessionRepository(repository, transactions.getObject(),
                            touches.getObject(), TOUCH_GRANULARITY);
                }
                return bean;
            }
        };
    }
}
