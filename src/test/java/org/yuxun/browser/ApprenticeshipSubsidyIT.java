package org.yuxun.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The apprenticeship subsidy in the browser: the demo enterprise's HR (ent-hr) files its one-year apprenticeship
 * class with the training plan and each apprentice's labour contract; the provincial HRSS officer sees the filing
 * but is told the city reviews it; the Hangzhou HRSS officer approves it and the advance shows as paid.
 */
class ApprenticeshipSubsidyIT extends BrowserTest {

    static final String CLASS = "装配钳工学徒班（一年制）";

    @Test
    void theEnterpriseFilesAndTheCityOfficerApprovesTheAdvance() throws Exception {
        try {
            fileAndApprove();
        } catch (Exception | AssertionError e) {
            keepScreen();
            throw e;
        }
    }

    private void fileAndApprove() throws IOException {
        Path plan = document("培训计划.pdf");
        Path contract = document("劳动合同.pdf");

        signIn("ent-hr");
        open("/subsidy/apprenticeships");
        click(browser.findElement(By.xpath("//li[contains(., '" + CLASS + "')]//a[normalize-space() = '备案']")));
        wait.until(ExpectedConditions.urlContains("/subsidy/apprenticeships/new"));
        browser.findElement(By.id("plan")).sendKeys(plan.toAbsolutePath().toString());
        ((JavascriptExecutor) browser).executeScript("""
                document.querySelectorAll('input[name^="contractStart_"]').forEach(i => i.value = '2020-01-01');
                document.querySelectorAll('input[name^="contractEnd_"]').forEach(i => i.value = '2035-12-31');""");
        var contracts = browser.findElements(By.cssSelector("input[type=file][name^='contract_']"));
        assertThat(contracts).hasSize(2);
        contracts.forEach(input -> input.sendKeys(contract.toAbsolutePath().toString()));
        click(browser.findElement(By.xpath("//button[normalize-space() = '提交备案']")));
        wait.until(ExpectedConditions.urlMatches(".*/subsidy/apprenticeships/\\d+$"));
        String filing = browser.getCurrentUrl().substring(url("").length());
        String id = filing.substring(filing.lastIndexOf('/') + 1);
        assertThat(text("h1")).contains(CLASS).contains("已备案待审核");

        browser.manage().deleteAllCookies();
        signIn("zj-hrss");
        open(filing);
        assertThat(text("#city-reviews")).contains("市级人力资源社会保障部门审核");
        assertThat(browser.findElements(By.id("approve"))).isEmpty();

        browser.manage().deleteAllCookies();
        signIn("hz-hrss");
        open(filing);
        WebElement approve = browser.findElement(By.id("approve"));
        click(approve);
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.stalenessOf(approve));
        assertThat(text("h1")).contains("已纳入计划、已预拨");
        // 2 apprentices × 5,000 a year × 1 year × 50 %
        WebElement advance = browser.findElement(By.xpath("//tr[td[normalize-space() = '预拨']]"));
        assertThat(advance.getText()).contains("5000.00").contains("XTZ-" + id + "-YF").contains("杭州智造装备有限公司");
    }

    private static Path document(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "browser-files"));
        return Files.writeString(dir.resolve(name), "%PDF-1.4 " + name, StandardCharsets.UTF_8);
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
        Files.write(dir.resolve("ApprenticeshipSubsidyIT.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Files.writeString(dir.resolve("ApprenticeshipSubsidyIT.html"),
                browser.getCurrentUrl() + "\n" + browser.getPageSource());
    }
}
