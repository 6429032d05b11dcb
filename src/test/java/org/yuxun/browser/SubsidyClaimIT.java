package org.yuxun.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The subsidies' "done when" in the browser: the demo training officer generates the claim for the completed demo
 * class and sees the seeded duplicate learner flagged with the reason; submits; the demo HRSS officer approves the
 * rest, completes the review and records the payment; the totals page shows the amount paid. Submitting or
 * approving again (a form sent a second time) changes nothing.
 */
class SubsidyClaimIT extends BrowserTest {

    @Test
    void theTrainingOfficerClaimsTheDemoClassAndTheHrssOfficerApprovesAndPaysIt() throws Exception {
        try {
            claimReviewAndPay();
        } catch (Exception | AssertionError e) {
            keepScreen();
            throw e;
        }
    }

    private void claimReviewAndPay() {
        signIn("trainer");
        open("/subsidy/claims");
        WebElement generate = browser.findElement(By.xpath(
                "//li[contains(., '养老护理员（五级）')]//button[normalize-space() = '生成补贴申领']"));
        click(generate);
        wait.until(ExpectedConditions.urlMatches(".*/subsidy/claims/\\d+$"));
        String claimPath = browser.getCurrentUrl().substring(url("").length());
        WebElement duplicate = browser.findElement(By.xpath(
                "//tr[contains(., '同一职业同一等级只补贴一次')]"));
        assertThat(duplicate.getText()).contains("在其他机构享受「养老护理员 五级/初级工」培训补贴").contains("不符合条件");
        String version = browser.findElement(By.cssSelector("form[action$='/submit'] input[name=version]"))
                .getDomAttribute("value");

        confirm(By.id("submit-claim"));
        assertThat(text("h1")).contains("待审核");
        post(claimPath + "/submit", "version", version);
        assertThat(text(".alert-info")).contains("没有变化");
        assertThat(text("h1")).contains("待审核");

        browser.manage().deleteAllCookies();
        signIn("hz-hrss");
        open(claimPath);
        confirm(By.id("approve-pending"));
        assertThat(browser.findElements(By.xpath("//tr[.//span[normalize-space() = '待审核']]"))).isEmpty();
        post(claimPath + "/approve-pending", null, null);
        assertThat(text(".alert-info")).contains("没有变化");
        click(browser.findElement(By.id("complete-review")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "已审核待拨付"));
        browser.findElement(By.id("reference")).sendKeys("HZRS-BT-2026-1205");
        confirm(By.id("record-payment"));
        assertThat(text("h1")).contains("已拨付");
        String paid = text("#claim-paid");
        String programme = text("#claim-programme");
        assertThat(paid).isNotEqualTo("0").isNotEqualTo("0.00");
        assertThat(text("#claim-approved")).isEqualTo(paid);

        open("/subsidy/totals?by=PROGRAMME");
        WebElement row = browser.findElement(By.xpath("//table[@id='totals']//tr[td[1][normalize-space() = '"
                + programme + "']]"));
        assertThat(row.getText()).contains(paid);
    }

    /** Sends a form the page no longer offers, as a second click or a replayed request would. */
    private void post(String path, String name, String value) {
        WebElement body = browser.findElement(By.tagName("body"));
        ((JavascriptExecutor) browser).executeScript("""
                const f = document.createElement('form');
                f.method = 'post';
                f.action = arguments[0];
                const add = (n, v) => { const i = document.createElement('input'); i.type = 'hidden'; i.name = n;
                                        i.value = v; f.appendChild(i); };
                add('_csrf', document.querySelector('meta[name="_csrf"]').content);
                if (arguments[1]) { add(arguments[1], arguments[2]); }
                document.body.appendChild(f);
                HTMLFormElement.prototype.submit.call(f);""", path, name, value);
        wait.until(ExpectedConditions.stalenessOf(body));
    }

    private void confirm(By button) {
        WebElement element = browser.findElement(button);
        click(element);
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.stalenessOf(element));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void keepScreen() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "browser-failures"));
        Files.write(dir.resolve("SubsidyClaimIT.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Files.writeString(dir.resolve("SubsidyClaimIT.html"), browser.getCurrentUrl() + "\n" + browser.getPageSource());
    }
}
