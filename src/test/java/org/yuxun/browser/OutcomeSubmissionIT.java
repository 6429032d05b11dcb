package org.yuxun.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Outcome recognition (认定) in a real browser with the demo data: 王小明, on a phone, submits a competition award
 * with a photo of its certificate to 宁波海港职业技术学院 from 我的成果申报 (a text file is refused at the field
 * first); the college's administrator opens it under 成果认定, sees the photo and recognises it after confirming;
 * the learner finds it recognised and recorded in 我的学习账户.
 */
class OutcomeSubmissionIT extends BrowserTest {

    private static final String TITLE = "宁波市职业院校技能大赛港口物流赛项";

    @Test
    void aLearnersAwardWithEvidenceIsRecognisedByTheChosenCollegeAndRecordedInTheAccount() throws Exception {
        Path photo = Files.createTempFile(Path.of("target"), "award-", ".png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(120, 80,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Files.write(photo, png.toByteArray());
        Path text = Files.createTempFile(Path.of("target"), "award-", ".pdf");
        Files.writeString(text, "not really a pdf");

        phoneSized();
        signIn("learner");
        open("/my/learning-account");
        click(browser.findElement(By.cssSelector("[data-testid=submissions-link]")));
        wait.until(ExpectedConditions.urlContains("/my/outcome-submissions"));
        click(browser.findElement(By.partialLinkText("申报新成果")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence")));
        fill(text);
        click(browser.findElement(By.cssSelector("form[enctype] button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "证明材料只能是 PDF、JPG 或 PNG 文件"));
        screenshot("submission-form-error");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(TITLE);
        browser.findElement(By.id("evidence")).sendKeys(photo.toAbsolutePath().toString());
        click(browser.findElement(By.cssSelector("form[enctype] button[type=submit]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=submitted]")));
        assertThat(body()).contains(TITLE).contains("待认定");
        screenshot("my-submissions");

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        signIn("nb-college");
        open("/credit-bank/submissions?status=SUBMITTED");
        screenshot("submissions");
        click(browser.findElement(By.partialLinkText(TITLE)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=accept]")));
        WebElement evidence = browser.findElement(By.cssSelector("img.img-fluid"));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", evidence));
        screenshot("submission");
        click(browser.findElement(By.cssSelector("[data-testid=accept]")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=submission-status]"), "已认定"));

        browser.manage().deleteAllCookies();
        phoneSized();
        signIn("learner");
        open("/my/outcome-submissions");
        assertThat(body()).contains("已认定").contains("已记入学习账户");
        open("/my/learning-account");
        assertThat(body()).contains(TITLE + "（一等奖）");
    }

    private void fill(Path evidence) {
        WebElement filter = browser.findElement(By.cssSelector("input[data-filter-for=institutionId]"));
        String url = browser.getCurrentUrl();
        filter.sendKeys("宁波", Keys.ENTER);
        List<String> shown = institutionOptions(false);
        List<String> hidden = institutionOptions(true);
        assertThat(shown).isNotEmpty().allMatch(name -> name.contains("宁波"))
                .contains("宁波海港职业技术学院");
        assertThat(hidden).isNotEmpty().noneMatch(name -> name.contains("宁波"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url); // Enter in the filter box sends nothing
        new Select(browser.findElement(By.id("institutionId"))).selectByVisibleText("宁波海港职业技术学院");
        browser.findElement(By.id("title")).sendKeys(TITLE);
        browser.findElement(By.id("issuer")).sendKeys("宁波市教育局");
        browser.findElement(By.id("level")).sendKeys("一等奖");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("achievedOn")), java.time.LocalDate.now().minusMonths(1).toString());
        browser.findElement(By.id("hours")).sendKeys("24");
        browser.findElement(By.id("evidence")).sendKeys(evidence.toAbsolutePath().toString());
    }

    /** The names of the institutions the pick list offers, those the filter hides or those it shows. */
    @SuppressWarnings("unchecked")
    private List<String> institutionOptions(boolean hidden) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#institutionId option'))"
                        + ".filter(o => o.value && o.hidden === arguments[0]).map(o => o.textContent)", hidden);
    }

    private void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve("outcome-" + name + ".png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String body() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }
}
