package org.yuxun.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yuxun.shared.IdentityNumber;

/**
 * Issue 3, "Done when", end to end through the real pages: the demo training officer creates a programme (the
 * institution administrator approves it), schedules a class, imports 30 learners from an xlsx file with bad rows
 * that are reported, gives them accounts, and runs a session at which learners check in on a phone by scanning the
 * QR code the teacher's screen shows (the test decodes a screenshot of it); then scores, completion, and who
 * completed and why the others did not.
 *
 * <p>Completion counts only sessions that have ended, and check-in is open only until a session ends, so the
 * session is scheduled to end a couple of minutes after it is created: the learners check in while it runs, and
 * the class is completed once it is over.
 */
class TrainingLifecycleIT extends BrowserTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final String PHONE_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private static final String GIVEN = "安宁静怡书涵雨泽思远嘉懿浩然子墨梓萱一诺欣然若汐明轩宇航晨曦沐阳";
    private static final int LEARNERS = 30;
    /** The token lifetime of AttendanceSettings: a code older than this is refused as expired. */
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(30);

    private WebDriver phone;
    private Path downloads;

    /** One learner of the roster file. */
    private record Learner(String name, String number) {
    }

    /** One account from the downloaded list. */
    private record Account(String username, String password) {
    }

    @AfterAll
    void stopPhone() {
        if (phone != null) {
            phone.quit();
        }
    }

    @Test
    void theTrainingOfficerRunsAClassFromProgrammeToCompletionWithLearnersCheckingInByQrCode() throws Exception {
        try {
            runTheClass();
        } catch (Exception | AssertionError e) {
            keepScreens();
            throw e;
        }
    }

    private void runTheClass() throws Exception {
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
        String programmeName = "工业机器人运维实训" + tag;
        String className = programmeName + "一期班";

        signIn("trainer");
        long programme = createProgramme(programmeName);
        confirmAction("提交审核");
        signInAgain("college-admin");
        open("/programmes/" + programme);
        confirmAction("审核通过");
        signInAgain("trainer");
        open("/programmes/" + programme);
        confirmAction("发布");
        assertThat(text("h1")).contains(programmeName);

        long trainingClass = createClass(programmeName, className);
        confirmAction("开始报名");

        List<Learner> learners = importRoster(trainingClass);

        Map<String, Account> accounts = issueAccounts(trainingClass);
        assertThat(accounts.keySet()).containsExactlyInAnyOrderElementsOf(learners.stream().map(Learner::name).toList());

        open("/classes/" + trainingClass);
        confirmAction("开课");
        ZonedDateTime sessionEnd = sessionEnd();
        long session = scheduleSession(trainingClass, sessionEnd);

        signInAgain("teacher");
        open("/sessions/" + session + "/attendance");
        WebElement qr = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#qr img.yx-qr")));
        assertThat(qr.getAttribute("src")).startsWith("data:image/png;base64,");
        int countdown = Integer.parseInt(countdownText());
        wait.until(d -> Integer.parseInt(countdownText()) < countdown);

        startPhone();
        List<Learner> attending = learners.subList(0, 4);
        Learner first = attending.get(0);
        signInOnPhone(first, accounts.get(first.name()));
        String firstCode = scanQr();
        Instant firstCodeRead = Instant.now();
        checkIn(first, firstCode);
        phone.get(firstCode);
        assertThat(checkInResult()).isEqualTo("REPLAYED");
        assertThat(phone.findElement(By.id("check-in-result")).getText()).contains("这个二维码您已经使用过了");

        for (Learner learner : attending.subList(1, 3)) {
            signInOnPhone(learner, accounts.get(learner.name()));
            checkIn(learner, scanQr());
        }

        Learner late = attending.get(3);
        signInOnPhone(late, accounts.get(late.name()));
        Duration untilExpired = Duration.between(Instant.now(), firstCodeRead.plus(TOKEN_LIFETIME).plusSeconds(2));
        if (!untilExpired.isNegative()) {
            Thread.sleep(untilExpired.toMillis());
        }
        phone.get(firstCode);
        assertThat(checkInResult()).isEqualTo("EXPIRED");
        assertThat(phone.findElement(By.id("check-in-result")).getText()).contains("二维码已过期");
        String rotated = scanQr();
        assertThat(rotated).isNotEqualTo(firstCode);
        checkIn(late, rotated);

        WebDriverWait live = new WebDriverWait(browser, Duration.ofSeconds(15));
        live.until(ExpectedConditions.textToBe(By.cssSelector("#live [data-count=checked-in]"), "4"));
        List<String> present = browser.findElements(By.cssSelector("#live tr.table-success td:first-child")).stream()
                .map(e -> e.getText().trim()).toList();
        assertThat(present).containsExactlyInAnyOrderElementsOf(attending.stream().map(Learner::name).toList());

        signInAgain("trainer");
        recordScores(trainingClass, learners);

        waitUntilOver(sessionEnd);
        open("/classes/" + trainingClass + "/completion");
        confirmAction("办理结业");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("section"), "培训班已结业"));
        assertThat(text("section")).contains("结业 4 人", "未结业 26 人");
        Map<String, String> results = completionRows();
        for (Learner l : learners) {
            String row = results.get(l.name());
            if (attending.contains(l)) {
                assertThat(row).contains("100.0%", "准予结业").doesNotContain("未结业");
            } else {
                assertThat(row).contains("未结业", "出勤率 0%，低于结业要求 80%");
            }
        }
    }

    // ---------------------------------------------------------------- steps

    private long createProgramme(String name) {
        open("/programmes/new");
        type(By.id("name"), name);
        select(By.id("type"), "JOB_SKILLS");
        select(By.id("fundingMode"), "MARKET");
        select(By.id("industryField"), "INDUSTRIAL_ROBOTICS");
        select(By.id("deliveryMode"), "ON_CAMPUS");
        retype(By.id("theoryHours"), "8");
        retype(By.id("practiceHours"), "8");
        retype(By.id("onlineHours"), "0");
        type(By.name("modules[0].name"), "工业机器人安全操作与维护");
        retype(By.name("modules[0].hours"), "16");
        retype(By.id("fee"), "0");
        submit(By.cssSelector("section form button[type=submit]"));
        wait.until(ExpectedConditions.urlMatches(".*/programmes/\\d+$"));
        return idFrom(browser.getCurrentUrl());
    }

    private long createClass(String programmeName, String className) {
        open("/classes/new");
        new Select(browser.findElement(By.id("programmeId"))).selectByVisibleText(
                optionText(By.id("programmeId"), programmeName));
        type(By.id("name"), className);
        LocalDate today = LocalDate.now(ZONE);
        setValue(By.id("startDate"), today.toString());
        setValue(By.id("endDate"), today.plusDays(30).toString());
        retype(By.id("capacity"), "40");
        new Select(browser.findElement(By.id("headTeacherId"))).selectByVisibleText(
                optionText(By.id("headTeacherId"), "王强"));
        submit(By.cssSelector("section form button[type=submit]"));
        wait.until(ExpectedConditions.urlMatches(".*/classes/\\d+$"));
        assertThat(text("h1")).contains(className);
        return idFrom(browser.getCurrentUrl());
    }

    /**
     * Uploads a roster of 30 good rows and 4 bad ones (a wrong check character, one number twice, a row without a
     * name), sees the bad rows reported, confirms, and waits for the import job.
     */
    private List<Learner> importRoster(long trainingClass) throws IOException {
        List<Learner> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            learners.add(new Learner("欧阳" + GIVEN.charAt(i) + GIVEN.charAt((i * 7 + 3) % GIVEN.length()),
                    identityNumber()));
        }
        learners = distinctNames(learners);
        String twice = identityNumber();
        String wrongCheck = withWrongCheck(identityNumber());
        Path file = Files.createTempFile(Path.of("target"), "roster-", ".xlsx");
        try (Workbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("学员名单");
            row(sheet, 0, "姓名", "证件类型", "证件号码", "手机号", "重点人群类别", "工作单位（选填）");
            int r = 1;
            for (Learner l : learners) {
                row(sheet, r++, l.name(), "居民身份证", l.number(), mobile(), "无", "");
            }
            row(sheet, r++, "欧阳校验", "居民身份证", wrongCheck, mobile(), "无", "");
            row(sheet, r++, "欧阳重复", "居民身份证", twice, mobile(), "无", "");
            row(sheet, r++, "欧阳重复", "居民身份证", twice, mobile(), "无", "");
            row(sheet, r, "", "居民身份证", identityNumber(), mobile(), "无", "");
            workbook.write(out);
        }

        open("/classes/" + trainingClass + "/import");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        submit(By.cssSelector("section form[enctype='multipart/form-data'] button[type=submit]"));
        WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(60));
        slow.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-import=checked]")));
        assertThat(text("#rows-total")).isEqualTo("34");
        assertThat(text("#rows-valid")).isEqualTo("30");
        assertThat(text("#rows-bad")).isEqualTo("4");
        assertThat(text("#problems")).contains("证件号码校验位不正确", "重复", "姓名");
        confirmAction("确认导入");
        slow.until(ExpectedConditions.attributeToBe(By.id("job-progress"), "data-job-state", "SUCCEEDED"));
        open("/classes/" + trainingClass + "/enrolments");
        assertThat(text("section")).contains(learners.getFirst().name()).doesNotContain("欧阳校验", "欧阳重复");
        return learners;
    }

    /** Clicks "发放学员账号" and reads usernames and initial passwords from the downloaded Excel file. */
    private Map<String, Account> issueAccounts(long trainingClass) throws Exception {
        open("/classes/" + trainingClass + "/enrolments");
        assertThat(text("#issue-accounts")).contains("30");
        downloads = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "downloads-");
        ((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        submitConfirmed(By.id("issue-accounts"));
        Path list = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> downloaded().orElse(null));
        Map<String, Account> accounts = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(list); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row != null && row.getCell(3) != null) {
                    assertThat(row.getCell(1).getStringCellValue()).contains("*");
                    accounts.put(row.getCell(0).getStringCellValue(), new Account(row.getCell(2).getStringCellValue(),
                            row.getCell(3).getStringCellValue()));
                }
            }
        }
        return accounts;
    }

    /**
     * Generates the schedule from a weekly pattern: today's weekday, today only, one theory session of half an
     * hour ending at the given time, so that check-in is open now, without a teacher of its own (the head teacher
     * teaches it). A classroom session needs a free room: like a user, the test takes the first room the preview
     * does not refuse (the demo classes use the rooms at set hours).
     */
    private long scheduleSession(long trainingClass, ZonedDateTime end) {
        ZonedDateTime start = end.minusMinutes(30);
        open("/classes/" + trainingClass + "/sessions/pattern");
        List<String> rooms = new Select(browser.findElement(By.id("venueId"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
        for (String room : rooms) {
            setValue(By.id("from"), end.toLocalDate().toString());
            setValue(By.id("to"), end.toLocalDate().toString());
            for (WebElement day : browser.findElements(By.cssSelector("input[name=weekdays]"))) {
                boolean wanted = day.getAttribute("value").equals(end.getDayOfWeek().name());
                if (day.isSelected() != wanted) {
                    click(day);
                }
            }
            setValue(By.id("start"), start.toLocalTime().format(HH_MM));
            setValue(By.id("end"), end.toLocalTime().format(HH_MM));
            select(By.id("kind"), "THEORY");
            select(By.id("teacherId"), "");
            select(By.id("venueId"), room);
            retype(By.id("hours"), "0.5");
            retype(By.id("topic"), "机器人示教器操作");
            submit(By.xpath("//section//form//button[normalize-space()='预览']"));
            List<WebElement> save = browser.findElements(By.xpath("//section//form//button[normalize-space()='保存全部课次']"));
            if (!save.isEmpty()) {
                submit(By.xpath("//section//form//button[normalize-space()='保存全部课次']"));
                if (browser.getCurrentUrl().matches(".*/classes/\\d+$")) {
                    WebElement attendance = browser.findElement(
                            By.cssSelector("a[href^='/sessions/'][href$='/attendance']"));
                    return Long.parseLong(attendance.getAttribute("href")
                            .replaceAll(".*/sessions/(\\d+)/attendance", "$1"));
                }
            }
        }
        throw new AssertionError("no room was free for the session: " + text("section"));
    }

    /** Opens the scanned link on the phone of the learner signed in there, and sees the check-in succeed. */
    private void checkIn(Learner learner, String link) {
        phone.get(link);
        assertThat(checkInResult()).isEqualTo("success");
        assertThat(phone.findElement(By.id("check-in-result")).getText()).contains("签到成功", learner.name());
        Object overflow = ((JavascriptExecutor) phone)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
    }

    /** Signs the learner in on the phone with the initial password and replaces it, as the first sign-in asks. */
    private void signInOnPhone(Learner learner, Account account) {
        phone.manage().deleteAllCookies();
        phone.get(url("/login"));
        phone.findElement(By.id("username")).sendKeys(account.username());
        phone.findElement(By.id("password")).sendKeys(account.password());
        phone.findElement(By.cssSelector("form button[type=submit]")).click();
        WebDriverWait phoneWait = new WebDriverWait(phone, Duration.ofSeconds(15));
        phoneWait.until(ExpectedConditions.urlContains("/account/password"));
        String chosen = "Qiandao" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        phone.findElement(By.id("currentPassword")).sendKeys(account.password());
        phone.findElement(By.id("newPassword")).sendKeys(chosen);
        phone.findElement(By.id("confirmPassword")).sendKeys(chosen);
        phone.findElement(By.cssSelector("section form button[type=submit]")).click();
        phoneWait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/account/password")));
        assertThat(phone.getPageSource()).contains(learner.name());
    }

    /** Fills theory and practice scores for every learner and saves the grid at once. */
    private void recordScores(long trainingClass, List<Learner> learners) {
        open("/classes/" + trainingClass + "/assessment");
        List<WebElement> theory = browser.findElements(By.cssSelector("input[name^=theory_]"));
        List<WebElement> practice = browser.findElements(By.cssSelector("input[name^=practice_]"));
        assertThat(theory).hasSize(learners.size());
        for (int i = 0; i < theory.size(); i++) {
            theory.get(i).clear();
            theory.get(i).sendKeys(String.valueOf(70 + i % 20));
            practice.get(i).clear();
            practice.get(i).sendKeys(String.valueOf(75 + i % 20));
        }
        submit(By.xpath("//section//form//button[normalize-space()='全部保存']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("section"), "已保存"));
    }

    // ---------------------------------------------------------------- browser helpers

    /** Keeps what both screens showed when the test failed, under target/, for whoever reads the build log. */
    private void keepScreens() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "browser-failures"));
        for (Map.Entry<String, WebDriver> screen : Map.of("desktop", browser, "phone",
                phone == null ? browser : phone).entrySet()) {
            Files.write(dir.resolve("TrainingLifecycleIT-" + screen.getKey() + ".png"),
                    ((TakesScreenshot) screen.getValue()).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve("TrainingLifecycleIT-" + screen.getKey() + ".html"),
                    screen.getValue().getCurrentUrl() + "\n" + screen.getValue().getPageSource());
        }
    }

    private void startPhone() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        try {
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--lang=zh-CN", "--user-agent=" + PHONE_AGENT,
                    "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "chromium-phone-"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        phone = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        phone.manage().window().setSize(new Dimension(390, 844));
    }

    /**
     * Reads the QR code the teacher's screen shows now: a screenshot of the image, decoded. The code holds
     * {@code yuxun.public-base-url}, whose default names the configured port; this server listens on a random one,
     * so the phone opens the scanned path and token at the address where the server actually runs.
     */
    private String scanQr() {
        URI scanned = URI.create(decodeQr());
        assertThat(scanned.getRawPath()).isEqualTo("/m/check-in");
        assertThat(scanned.getRawQuery()).startsWith("t=");
        return url(scanned.getRawPath() + "?" + scanned.getRawQuery());
    }

    private String decodeQr() {
        return wait.until(d -> {
            WebElement image = d.findElement(By.cssSelector("#qr img.yx-qr"));
            byte[] png = image.getScreenshotAs(OutputType.BYTES);
            try {
                BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new BufferedImageLuminanceSource(picture)))).getText();
            } catch (NotFoundException | ChecksumException | FormatException | IOException e) {
                return null;
            }
        });
    }

    private String checkInResult() {
        return new WebDriverWait(phone, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("check-in-result")))
                .getAttribute("data-result");
    }

    private String countdownText() {
        return browser.findElement(By.cssSelector("#qr strong[x-text=left]")).getText().trim();
    }

    private void signInAgain(String username) {
        browser.manage().deleteAllCookies();
        signIn(username);
    }

    /** Clicks the button whose text starts with the label and accepts the confirmation the page asks for. */
    private void confirmAction(String label) {
        submitConfirmed(By.xpath("//section//form//button[starts-with(normalize-space(), '" + label + "')]"));
    }

    private void submitConfirmed(By button) {
        WebElement element = browser.findElement(button);
        click(element);
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.or(ExpectedConditions.stalenessOf(element),
                d -> downloads != null && downloaded().isPresent()));
    }

    private void submit(By button) {
        WebElement element = browser.findElement(button);
        click(element);
        wait.until(ExpectedConditions.stalenessOf(element));
    }

    /**
     * Scrolls the element to the middle of the window first, at once (Bootstrap makes scrolling smooth, and a click
     * during the animation lands on whatever passes under the pointer).
     */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private void type(By field, String value) {
        browser.findElement(field).sendKeys(value);
    }

    private void retype(By field, String value) {
        WebElement element = browser.findElement(field);
        element.clear();
        element.sendKeys(value);
    }

    private void select(By field, String value) {
        new Select(browser.findElement(field)).selectByValue(value);
    }

    /**
     * Sets a date or time input, whose typing Chromium splits into locale-dependent segments: the value is set as
     * the picker would set it, with the events the page listens to.
     */
    private void setValue(By field, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                browser.findElement(field), value);
    }

    private String optionText(By select, String containing) {
        return new Select(browser.findElement(select)).getOptions().stream().map(WebElement::getText)
                .filter(t -> t.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no option containing " + containing));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().trim();
    }

    private Optional<Path> downloaded() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Map<String, String> completionRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (WebElement tr : browser.findElements(By.cssSelector("section table tbody tr"))) {
            List<WebElement> cells = tr.findElements(By.tagName("td"));
            if (cells.size() == 6) {
                rows.put(cells.get(0).getText().trim(), tr.getText());
            }
        }
        return rows;
    }

    private static long idFrom(String url) {
        Matcher m = Pattern.compile("/(\\d+)$").matcher(url);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    // ---------------------------------------------------------------- time and data

    /**
     * When the session ends: at a whole minute at least 100 seconds ahead, time for four learners to check in
     * (one of them after a code expired) while it runs, and no earlier than 00:30 so that the half-hour session
     * starts the same day.
     */
    private static ZonedDateTime sessionEnd() {
        ZonedDateTime end = ZonedDateTime.now(ZONE).plusSeconds(100).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalTime earliest = LocalTime.of(0, 30);
        return end.toLocalTime().isBefore(earliest) ? end.with(earliest) : end;
    }

    /** Completion counts only sessions that have ended: waits for the end of the one scheduled. */
    private static void waitUntilOver(ZonedDateTime end) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), end.toInstant().plusSeconds(2));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
    }

    private static List<Learner> distinctNames(List<Learner> learners) {
        Map<String, Learner> byName = new LinkedHashMap<>();
        learners.forEach(l -> byName.putIfAbsent(l.name(), l));
        assertThat(byName).hasSize(learners.size());
        return List.copyOf(byName.values());
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            row.createCell(c).setCellValue(cells[c]);
        }
    }

    private static String identityNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(random.nextInt(30 * 365));
        String first17 = "330106" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(1000));
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    private static String withWrongCheck(String valid) {
        char check = valid.charAt(17);
        return valid.substring(0, 17) + (check == '1' ? '2' : '1');
    }

    private static String mobile() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
