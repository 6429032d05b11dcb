package org.yuxun.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The OpenAPI description of {@code /api/v1} (served at {@code /api/v1/openapi}, browsable at
 * {@code /api/v1/docs}) for the provincial platforms and enterprise systems that exchange data with Yuxun.
 * Every operation needs a personal API token sent as a bearer token.
 *
 * <p>Swagger UI serves its files beside its entry page, so the entry is {@code /api/v1/docs/index.html}
 * ({@code springdoc.swagger-ui.path}) and everything it loads stays under {@code /api/v1/docs/}, which is open
 * without a token; {@code /api/v1/docs} leads there.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/api/v1/docs", "/api/v1/docs/index.html");
    }

    static final String BEARER = "bearer";

    @Bean
    OpenAPI yuxunOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("育训 Yuxun API")
                        .version("v1")
                        .description("""
                                职业院校育训结合平台的数据接口，供省级平台和企业系统使用。

                                - 认证：在“我的账户”中创建 API 令牌，以 `Authorization: Bearer yx_…` 发送；令牌拥有其所有者的\
                                权限和数据范围，返回的数据只限于该范围。
                                - 分页：`page` 从 0 开始，`size` 为 1–200。
                                - 错误：按 RFC 7807 返回 `application/problem+json`，字段错误列在 `errors`（field、message）中。
                                - 并发修改：提交读取时的 `version`，记录已被他人修改时返回 409。"""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("yx_…")
                        .description("个人 API 令牌")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
