package org.yuxun.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The credit bank's "Done when" in a real browser with the demo data: 王小明, on a phone, finds the certificate in
 * 我的学习账户 and applies to convert it at 宁波海港职业技术学院; the college's administrator accepts the line; the
 * learner's account shows the credits and the exemption, and the same certificate cannot be chosen again for the
 * course, with the reason shown.
 */
class CreditExchangeIT extends BrowserTest {

    private static final String COURSE = "工业机器人安全与操作基础";
    private static final String CERTIFICATE = "工业机器人安全操作与维护入门";

    @Test
    void theDemoLearnersCertificateBecomesCreditsAndAnExemptionOnce() {
        phoneSized();
        signIn("learner");
        open("/my/learning-account");
        assertThat(body()).contains(CERTIFICATE);
        click(browser.findElement(By.partialLinkText("申请学分兑换")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), COURSE));
        WebElement choice = browser.findElement(By.cssSelector("input[name=choices]:not([disabled])"));
        click(choice);
        click(browser.findElement(By.cssSelector("form button[type=submit].w-100")));
        wait.until(ExpectedConditions.urlContains("/my/learning-account"));
        assertThat(body()).contains("兑换申请已提交");

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        signIn("nb-college");
        open("/credit-bank/applications?status=SUBMITTED");
        List<WebElement> links = browser.findElements(By.cssSelector("table a[href*='/credit-bank/applications/']"));
        assertThat(links).isNotEmpty();
        click(links.getFirst());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), CERTIFICATE));
        click(browser.findElement(By.cssSelector("form[action$='/accept'] button[type=submit]")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已通过"));

        browser.manage().deleteAllCookies();
        phoneSized();
        signIn("learner");
        open("/my/learning-account");
        assertThat(body()).contains(COURSE).contains("免修").contains("已通过");
        assertThat(browser.findElement(By.cssSelector("[data-testid=converted-credits]")).getText()).isEqualTo("2.0");
        click(browser.findElement(By.partialLinkText("申请学分兑换")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "不能重复使用"));
    }

    private String body() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }
}
