package io.hauyna.tck.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver (nothing is downloaded), with
 * its own profile: two instances are two independent users.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("tck.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("tck.chromedriver", "/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final Path profile;

    public Browser() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and chromedriver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install chromium chromium-driver (.ci/run does)");
        }
        try {
            profile = Files.createTempDirectory("hauyna-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // The flags this machine needs (see ../shared/SERVERS.md): no sandbox as root, no calls home.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, options);
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    public void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    public void click(String css) {
        find(css).click();
    }

    /** Waits until the condition holds, and fails with what the page showed otherwise. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT, Duration.ofMillis(100)).withMessage(what).until(condition);
        } catch (RuntimeException timeout) {
            throw new AssertionError("Waited " + WAIT.toSeconds() + " s for: " + what + "; the page shows status '"
                    + find("#status").getText() + "', messages " + texts("#messages li") + ", errors " + texts("#errors li")
                    + ", presence " + texts("#presence li"), timeout);
        }
    }

    public void screenshot(Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
