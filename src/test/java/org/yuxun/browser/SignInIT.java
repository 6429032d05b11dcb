package org.yuxun.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

class SignInIT extends BrowserTest {

    @ParameterizedTest
    @CsvSource({
            "admin, 平台管理员",
            "zj-edu, 陈敏（省教育厅）",
            "hz-hrss, 赵磊（杭州市人社局）",
            "college-admin, 周建国",
            "teacher, 王强",
            "ent-hr, 何丽",
            "learner, 王小明"})
    void everyDemoRoleSignsInAndSeesTheirHomePage(String username, String displayName) {
        signIn(username);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(displayName);
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        open("/login");
        browser.findElement(By.id("username")).sendKeys("trainer");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")));
        assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText()).contains("用户名或密码错误");
    }

    @Test
    void anInstitutionAdministratorSeesOnlyTheirOwnInstitution() {
        signIn("nb-college");
        open("/institutions");
        String page = browser.getPageSource();
        assertThat(page).contains("宁波海港职业技术学院").doesNotContain("浙江育训职业技术学院");
    }

    @Test
    void theLearnerHomePageFitsAPhone() {
        phoneSized();
        signIn("learner");
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
    }
}
