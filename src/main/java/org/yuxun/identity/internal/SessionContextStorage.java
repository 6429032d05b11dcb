package org.yuxun.identity.internal;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/** Session attributes stored by {@link SessionContextCodec}. */
@Configuration(proxyBeanMethods = false)
class SessionContextStorage {

    /**
     * Sets the codec on Spring Session's JDBC repository once it is built, before anything wraps it (a conversion
     * service bean would be one more {@code ConversionService} for every by-type injection to choose from).
     */
    @Bean
    static BeanPostProcessor sessionContextCodec() {
        return new CodecSetter();
    }

    private static final class CodecSetter implements BeanPostProcessor, BeanClassLoaderAware {

        private ClassLoader classLoader = SessionContextStorage.class.getClassLoader();

        @Override
        public void setBeanClassLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
        }

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof JdbcIndexedSessionRepository repository) {
                GenericConversionService conversions = new GenericConversionService();
                conversions.addConverter(new SessionContextCodec(classLoader));
                repository.setConversionService(conversions);
            }
            return bean;
        }
    }
}
