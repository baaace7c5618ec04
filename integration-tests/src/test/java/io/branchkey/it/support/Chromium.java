package io.branchkey.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for end-to-end tests of the admin UI, with a fresh profile each time and a fixed
 * window, driven through chromedriver (Debian: apt-get install chromium chromium-driver; docs/testing.md).
 * Without a chromedriver the calling test is skipped, not failed.
 *
 * <p>We start the driver ourselves instead of taking the test framework's: its window size and profile are fixed,
 * and the UI tests need exact sizes for their screenshots and must not fall back to HtmlUnit, which cannot run the
 * UI's ES modules.
 */
public final class Chromium implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1280, 800);
    public static final Dimension PHONE = new Dimension(390, 844);
    /**
     * Where screenshots go: integration-tests/target/screenshots, so that a test run changes no tracked file. To
     * refresh the documentation's pictures, run the UI tests with {@code -Dbranchkey.screenshots=../docs/screenshots}
     * (docs/testing.md).
     */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("branchkey.screenshots", "target/screenshots"));

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
        wait.ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class);
    }

    /** Starts Chromium, or skips the test when no chromedriver is installed. */
    public static Chromium start() {
        Optional<File> chromedriver = chromedriver();
        Assumptions.assumeTrue(chromedriver.isPresent(),
                "no chromedriver found (install chromium and chromium-driver, or set CHROMEWEBDRIVER): browser tests skipped");
        Path profile;
        try {
            profile = Files.createTempDirectory("branchkey-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        browserBinary().ifPresent(options::setBinary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                "--force-device-scale-factor=1", "--lang=en-US", "--hide-scrollbars");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.get()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Chromium chromium = new Chromium(driver, profile);
        chromium.resize(DESKTOP);
        return chromium;
    }

    /** chromedriver from kc.test.browser.driver or CHROMEWEBDRIVER (a file or its folder), else /usr/bin/chromedriver. */
    static Optional<File> chromedriver() {
        for (String candidate : new String[] {System.getProperty("kc.test.browser.driver"), System.getenv("CHROMEWEBDRIVER"),
                "/usr/bin/chromedriver"}) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            File file = new File(candidate);
            if (file.isDirectory()) {
                file = new File(file, "chromedriver");
            }
            if (file.isFile() && file.canExecute()) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> browserBinary() {
        String fromEnv = System.getenv("CHROME_BIN");
        return Stream.of(fromEnv, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .filter(p -> p != null && new File(p).canExecute()).findFirst();
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.navigate().to(url);
    }

    /** Fills Keycloak's login form (the branchkey theme keeps keycloak.v2's field ids). */
    public void signIn(String username, String password) {
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("kc-login"));
    }

    public WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public void waitUntil(java.util.function.Function<ChromeDriver, Boolean> condition) {
        wait.until(d -> condition.apply(driver));
    }

    /** Waits until the admin UI's current screen has finished loading (main is no longer aria-busy); other pages pass. */
    public void waitForScreen() {
        wait.until(d -> driver.findElements(By.id("main")).stream().noneMatch(m -> "true".equals(m.getAttribute("aria-busy"))));
    }

    /** Clicks once the element is there and clickable; a list re-rendered meanwhile is simply looked up again. */
    public void click(By by) {
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class)
                .ignoring(ElementNotInteractableException.class).until(d -> {
                    WebElement element = d.findElement(by);
                    if (!element.isDisplayed() || !element.isEnabled()) {
                        return false;
                    }
                    scrollIntoView(element);
                    element.click();
                    return true;
                });
    }

    public void type(By by, String text) {
        WebElement element = waitFor(by);
        scrollIntoView(element);
        element.clear();
        element.sendKeys(text);
    }

    /** Sets an input's value the way a user's typing would end (datetime-local inputs take no portable keystrokes). */
    public void setValue(By by, String value) {
        WebElement element = waitFor(by);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value);
    }

    public void scrollIntoView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
        // The window's outer size includes no browser chrome in headless mode, but make the viewport exact anyway.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width, "height", size.height,
                "deviceScaleFactor", 1, "mobile", size.width < 600));
    }

    /** Scrolls the element to the top of the viewport, then saves the screenshot. */
    public Path screenshot(String name, By top) {
        waitForScreen();
        WebElement element = waitFor(top);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
        return screenshot(name);
    }

    /** Saves the viewport as {name}.png in {@link #SCREENSHOTS}, once the screen has loaded. */
    public Path screenshot(String name) {
        waitForScreen();
        ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur && "
                + "document.activeElement !== document.body && document.activeElement.matches('input,select,textarea') "
                + "&& document.activeElement.blur();");
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page logged as errors (a Content-Security-Policy violation shows up here). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A temporary folder left behind is harmless.
            }
        }
    }
}
