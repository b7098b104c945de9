package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromium-driver (set explicitly, so Selenium
 * Manager downloads nothing), with what every console test needs: waiting with a deadline,
 * screenshots at desktop and phone width, and axe-core's accessibility check of every screen.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final Dimension DESKTOP = new Dimension(1280, 800);
  static final Dimension PHONE = new Dimension(390, 844);
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final String consoleUrl;
  private final Path screenshots;
  private final String axeSource;

  ConsoleBrowser(String baseUrl) {
    this.consoleUrl = baseUrl + "/console/";
    this.screenshots =
        Path.of(System.getProperty("herald.console.screenshots", "target/console-screenshots"));
    this.axeSource =
        read(
            Path.of(
                System.getProperty(
                    "herald.axe.script", "../console/node_modules/axe-core/axe.min.js")));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("herald.chromedriver", "/usr/bin/chromedriver"))
                    .toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("herald.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + freshProfile());
    this.driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(DESKTOP);
  }

  WebDriver driver() {
    return driver;
  }

  /** Opens the console at {@code route} signed out: this tab's session storage is cleared. */
  void open(String route) {
    driver.get(consoleUrl + (route.isEmpty() ? "" : "#" + route));
    script("sessionStorage.clear();");
    driver.navigate().refresh();
  }

  /** Moves to a hash route the way a link does: no page load. */
  void go(String route) {
    script("window.location.hash = arguments[0];", route);
    waitFor(By.id("screen-title"));
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  WebElement waitFor(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void waitForText(By by, String text) {
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  void waitUntil(String what, Function<WebDriver, Boolean> condition) {
    waiting().withMessage(() -> what + "; the page says: " + pageText()).until(condition);
  }

  /** A wait with a deadline whose failure quotes what the page showed. */
  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.withMessage(() -> "the page says: " + pageText());
    return wait;
  }

  private String pageText() {
    try {
      return driver.findElement(By.tagName("body")).getText();
    } catch (RuntimeException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** Types into the field whose label is {@code label} (the labels are the API of the screens). */
  WebElement field(String label) {
    WebElement labelElement = waitFor(By.xpath("//label[normalize-space(.)='" + label + "']"));
    String target = labelElement.getDomAttribute("for");
    return target == null
        ? labelElement.findElement(By.cssSelector("input, select, textarea"))
        : driver.findElement(By.id(target));
  }

  /**
   * Replaces the field's text as a person does (select all, delete, type): every change is an input
   * event, so the screen's state never lags the field. WebElement.clear() fires none, and a render
   * between it and the typing put the old text back.
   */
  void type(String label, String text) {
    WebElement input = field(label);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
  }

  /** Picks, in the session login wizard, the API pair of {@code apiId} (others may be listed). */
  void chooseApiPair(int apiId) {
    waitForText(By.cssSelector("select[name=api_pair_id]"), "api_id " + apiId);
    new Select(driver.findElement(By.cssSelector("select[name=api_pair_id]")))
        .selectByVisibleText(
            driver
                .findElement(
                    By.xpath(
                        "//select[@name='api_pair_id']/option[contains(., 'api_id "
                            + apiId
                            + "')]"))
                .getText());
  }

  void click(String buttonText) {
    By by = By.xpath("//button[normalize-space(.)='" + buttonText + "']");
    waiting().until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  String screenTitle() {
    return waitFor(By.id("screen-title")).getText();
  }

  /** Waits until the screen titled {@code title} shows. */
  void waitForScreen(String title) {
    waitForText(By.id("screen-title"), title);
  }

  /**
   * Saves the whole page at desktop and at phone width, and runs axe-core at both: no serious or
   * critical violation allowed.
   */
  void capture(String name) {
    saveFullPage(name + "-desktop.png");
    assertAccessible(name + " at desktop width");
    // A phone's viewport, as Chrome's device mode sets it (a window cannot be made that narrow).
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width", PHONE.width, "height", PHONE.height, "deviceScaleFactor", 1, "mobile", true));
    try {
      waitUntil(
          "the page takes the phone's width",
          d -> Long.valueOf(PHONE.width).equals(script("return window.innerWidth;")));
      assertEquals(
          Boolean.TRUE,
          script(
              "return document.documentElement.scrollWidth <="
                  + " document.documentElement.clientWidth;"),
          () -> name + " scrolls sideways at phone width");
      saveFullPage(name + "-phone.png");
      assertAccessible(name + " at phone width");
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  void assertAccessible(String where) {
    if (!Boolean.TRUE.equals(script("return typeof window.axe !== 'undefined';"))) {
      script(axeSource);
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];axe.run(document, {resultTypes:"
                        + " ['violations']}).then(r => done(r.violations.filter(v => v.impact ==="
                        + " 'serious' || v.impact === 'critical').map(v => ({id: v.id, impact:"
                        + " v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join('"
                        + " ')).join(', ')})))).catch(e => done([{id: 'axe-error', impact:"
                        + " 'critical', help: String(e), nodes: ''}]));");
    assertEquals(
        List.of(),
        violations,
        () ->
            "axe-core, "
                + where
                + ":\n"
                + violations.stream().map(Object::toString).collect(Collectors.joining("\n")));
  }

  private void saveFullPage(String file) {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
    double width = ((Number) content.get("width")).doubleValue();
    double height = Math.min(8000, ((Number) content.get("height")).doubleValue());
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    try {
      Files.createDirectories(screenshots);
      Files.write(screenshots.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path freshProfile() {
    try {
      Path base = Path.of("target");
      Files.createDirectories(base);
      return Files.createTempDirectory(base.toAbsolutePath(), "chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "axe-core not found at " + path + " (built by the console module)", e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
