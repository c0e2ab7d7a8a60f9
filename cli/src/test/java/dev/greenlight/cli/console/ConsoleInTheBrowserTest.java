package dev.greenlight.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.CommandRun;
import dev.greenlight.cli.RequiredTool;
import dev.greenlight.cli.TwinOnPort;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.statemachine.twin.PipelineOnTwin;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.pipeline.ExecutionHistory;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A person at the console, in headless Chromium: follows a release on the twin in virtual time (the
 * graph's current state moves as the test advances the clock), approves it from the page and reads the
 * approval in the audit report; starts another from the page and rejects it; and a POST without the
 * page's token is refused. Screenshots go to target/console-screenshots/.
 */
class ConsoleInTheBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(15);
    /** The caller the twin's default keys stand for. */
    private static final String USER = "arn:aws:iam::123456789012:root";
    /**
     * Selenium warns on every session that it has no DevTools binding for this Chromium: the tests use
     * WebDriver only. Held here, as java.util.logging keeps loggers weakly.
     */
    private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

    @TempDir
    Path home;

    private TwinOnPort twin;
    private Aws aws;
    private Console console;
    private ChromeDriver browser;
    private WebDriverWait page;

    @BeforeEach
    void start() {
        RequiredTool.assume(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and its WebDriver (" + CHROMIUM + ", " + CHROMEDRIVER + ") are not installed: the "
                        + "console's browser tests did not run");
        DEVTOOLS.setLevel(Level.SEVERE);
        twin = new TwinOnPort(ApprovalMode.manual, home);
        aws = Aws.connect(twin.endpointUrl(), null, twin.pipeline.stateMachineArn());
        console = Console.start(aws, twin.pipeline.config(), 0);
        // The driver named outright: no Selenium Manager, nothing downloaded.
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1000"));
        page = new WebDriverWait(browser, PAGE_WAIT);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
            aws.close();
            twin.close();
        }
    }

    @Test
    void aPerson_followsARelease_approvesIt_andReadsTheApprovalInTheAuditReport() throws IOException {
        assertThat(CommandRun.of("push", "orders", "2.0").exitCode()).isZero();
        twin.advanceUntil(() -> !twin.executions().isEmpty());
        String name = twin.executions().get(0).name();

        browser.get(console.url());
        clickRelease(name);
        String first = currentStateShown(currentState(name));
        screenshot("1-following");
        twin.advanceUntil(() -> !currentState(name).equals(first));
        String later = currentStateShown(currentState(name));
        assertThat(later).as("the graph's current state moved").isNotEqualTo(first);

        twin.advanceUntil(() -> history(name).waitingApproval().isPresent());
        WebElement reason = page.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-reason")));
        reason.sendKeys("canary looks clean");
        assertThat(browser.findElement(By.id("approval-detail")).getText()).as("until when, who, and how")
                .matches("Until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(then rolled back\\)\\. May answer: anyone "
                        + "whose AWS identity may call states:SendTaskSuccess .*")
                .contains("greenlight approve " + name + " --reason TEXT", "greenlight reject " + name);
        assertThat(browser.findElement(By.id("deployment")).getText()).as("the deployment's status, as status says it")
                .matches("d-\\w+ \\(InProgress\\)");
        screenshot("2-waiting-for-approval");
        scaledDown("2-waiting-for-approval", "readme");
        browser.findElement(By.id("approve")).click();
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-message"),
                "Approved " + name + " as " + USER));
        twin.runToEnd();

        page.until(ExpectedConditions.textToBe(By.id("status"), "SUCCEEDED"));
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "reason=canary looks clean"));
        assertThat(browser.findElement(By.id("audit")).getText()).contains("RequestApproval", "approved=true",
                "by=" + USER, "Outcome: SUCCEEDED");
        assertThat(currentStateShown("Deployed")).isEqualTo("Deployed");
        assertThat(browser.findElement(By.id("traffic")).getText()).contains("100%");
        page.until(ExpectedConditions.textMatches(By.id("deployment"), java.util.regex.Pattern.compile(
                "d-\\w+ \\(Succeeded\\)")));
        assertThat(browser.findElement(By.id("download-md")).getAttribute("href")).endsWith(name + "/report.md");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('traffic').scrollIntoView()");
        screenshot("3-promoted");
    }

    @Test
    void aPerson_startsAReleaseFromThePage_andRejectsIt_andAPostWithoutThePagesTokenIsRefused() throws IOException {
        // The push rule off: the image is pushed, and the page starts its release.
        twin.twin.eventBridge().disableRule(r -> r.name(PipelineOnTwin.pushRuleName("orders")));
        DemoService.push(twin.twin, "orders", "2.1", "healthy");
        browser.get(console.url());
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("start-service"), "orders"));
        browser.findElement(By.id("start-image")).sendKeys("orders:2.1");
        new Select(browser.findElement(By.id("start-approval"))).selectByVisibleText("manual");
        browser.findElement(By.id("start-reason")).sendKeys("hotfix for the checkout");
        browser.findElement(By.id("start")).click();
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("start-message"), "Started orders-2_1-"));
        String name = twin.executions().get(0).name();
        assertThat(history(name).execution().input()).contains("\"source\":\"manual\"", "\"by\":\"" + USER + "\"",
                "hotfix for the checkout");

        clickRelease(name);
        twin.advanceUntil(() -> history(name).waitingApproval().isPresent());
        page.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-reason"))).sendKeys("wrong build");
        browser.findElement(By.id("reject")).click();
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-message"),
                "Rejected " + name + " as " + USER));
        twin.runToEnd();

        page.until(ExpectedConditions.textToBe(By.id("status"), "FAILED"));
        page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "Greenlight.ApprovalRejected"));
        assertThat(browser.findElement(By.id("audit")).getText()).contains("rejected by " + USER + ": wrong build");
        assertThat(history(name).execution().status()).isEqualTo(ExecutionStatus.FAILED);
        screenshot("4-rejected");

        Map<?, ?> forged = post("/api/executions/" + name + "/approve", false);
        assertThat(forged.get("status")).isEqualTo(403L);
        assertThat((String) forged.get("message")).startsWith("Refused: this request does not carry the console's "
                + "token");
        Map<?, ?> late = post("/api/executions/" + name + "/approve", true);
        assertThat(late.get("status")).isEqualTo(409L);
        assertThat((String) late.get("message")).contains("has ended (FAILED): there is nothing to approve");
    }

    @Test
    void aPerson_readsWhyAReleaseRolledBack_andWhatTheNextOneWaitsForInPreflight() throws IOException {
        String bad = twin.rolledBackRelease();

        browser.get(console.url() + "#/executions/" + bad);
        page.until(ExpectedConditions.textToBe(By.id("status"), "FAILED"));
        assertThat(browser.findElement(By.id("summary")).getText()).contains("Ended with Greenlight.AlarmFired: An "
                + "alarm fired while").doesNotContain("[{");
        assertThat(browser.findElement(By.id("failure")).getText()).startsWith("alarm orders-green-5xx (green) in "
                + "ALARM since ").contains("Threshold Crossed");
        assertThat(browser.findElement(By.id("deployment")).getText()).matches("d-\\w+ \\(Stopped\\)");
        screenshot("5-rolled-back");

        assertThat(CommandRun.of("push", "orders", "3.1").exitCode()).isZero();
        twin.advanceUntil(() -> CommandRun.of("status").out().contains("waiting:    Preflight"));
        browser.get(console.url() + "#/executions/" + twin.executions().get(0).name());
        WebElement waiting = page.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting")));
        assertThat(waiting.getText()).startsWith("Preflight waits since ").contains("alarm orders-green-5xx (target "
                + "group orders-green, in ALARM since ", "every 30 s", "the release fails with StaleAlarmStillFiring "
                + "if it still waits at ");
        assertThat(browser.findElement(By.id("deployment")).getText()).isEqualTo("not started");
        screenshot("6-waiting-in-preflight");
    }

    /**
     * Clicks the release's row. The page redraws the list every two seconds, so a row found may be
     * replaced before the click lands: then the new row is clicked.
     */
    private void clickRelease(String name) {
        page.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector("#executions tr[data-name='" + name + "']")).click();
            return true;
        });
    }

    /** The state the page's graph marks as current, once it is {@code expected}. */
    private String currentStateShown(String expected) {
        page.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "#graph g.node.current[data-state='" + expected + "']")));
        return browser.findElement(By.cssSelector("#graph g.node.current")).getAttribute("data-state");
    }

    /** A POST from the page's own script, with or without the token the page embeds. */
    private Map<?, ?> post(String path, boolean withToken) {
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const headers = {'Content-Type': 'application/json'};
                if (arguments[1]) headers['X-Greenlight-Token'] =
                    document.querySelector('meta[name="greenlight-token"]').content;
                fetch(arguments[0], {method: 'POST', headers, body: JSON.stringify({reason: 'late'})})
                    .then(r => r.json().then(body => done({status: r.status, message: body.message})));
                """, path, withToken);
        return (Map<?, ?>) answer;
    }

    private String currentState(String name) {
        return history(name).currentState().orElse("");
    }

    private ExecutionHistory history(String name) {
        return ExecutionHistory.of(twin.twin.stepFunctions(), aws.executionArn(name));
    }

    /** A smaller copy for the README (docs/console.png is one): 1,000 pixels wide. */
    private void scaledDown(String name, String as) throws IOException {
        BufferedImage full = ImageIO.read(SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + name + ".png")
                .toFile());
        int width = 1000;
        int height = full.getHeight() * width / full.getWidth();
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D pen = small.createGraphics();
        pen.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        pen.drawImage(full, 0, 0, width, height, null);
        pen.dispose();
        ImageIO.write(small, "png", SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + as + ".png").toFile());
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
