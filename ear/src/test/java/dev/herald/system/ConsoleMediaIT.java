package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.media.SampleMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's media screen and the bot editor's media picker in a real browser: upload a photo
 * with the file input, see a file whose bytes are not an image refused with the API's message, make
 * a PHOTO post of the upload, and see its deletion refused while the post uses it.
 */
class ConsoleMediaIT extends ConsoleSystemTest {

  private static Path file(String name, byte[] bytes) throws IOException {
    Path dir = Files.createTempDirectory(system.workDir(), "console-media");
    return Files.write(dir.resolve(name), bytes);
  }

  private static void choose(Path file) {
    browser.field("File").sendKeys(file.toAbsolutePath().toString());
  }

  @Test
  void tenantUploadsAPhotoPostsItAndCannotDeleteItWhileThePostUsesIt() throws IOException {
    Login tenant = newLogin("console-media");
    long account = tenant.id();
    signIn(tenant);

    browser.go("/media");
    browser.waitForScreen("Media");
    choose(file("not-a-photo.jpg", "<html>hello</html>".getBytes(StandardCharsets.UTF_8)));
    browser.click("Upload");
    browser.waitForText(By.cssSelector("[role=alert]"), "Accepted files: JPEG, PNG or WebP photos");
    choose(file("sunset.png", SampleMedia.png()));
    browser.click("Upload");
    browser.waitForText(By.cssSelector("[role=status]"), "Uploaded sunset.png as photo #");
    browser.waitForText(By.cssSelector("[data-testid=medium-row]"), "sunset.png");
    long medium =
        Long.parseLong(fixtures.string("SELECT id FROM medium WHERE account_id = ?", account));
    assertEquals(1, fixtures.count("SELECT count(*) FROM medium WHERE account_id = ?", account));
    browser.capture("media");

    browser.go("/bot");
    browser.type("Group 1", "@herald_console_media");
    new Select(browser.field("Post 1 type")).selectByValue("PHOTO");
    browser.waitFor(By.cssSelector("input[name=medium-" + medium + "]")).click();
    browser.type("Post 1 caption", "Sunset tonight");
    browser.waitForText(By.cssSelector("[data-testid=post-preview]"), "photo: Sunset tonight");
    browser.click("Save configuration");
    browser.waitForText(By.cssSelector("[role=status]"), "Saved.");
    // The post's media live with the post, in the bot's content JSON.
    assertEquals(
        "PHOTO:" + medium,
        fixtures.string(
            "SELECT m->>'kind' || ':' || (m->>'id') FROM bot,"
                + " jsonb_array_elements(CAST(content_json AS JSONB) #> '{posts,0,media}') m"
                + " WHERE account_id = ?",
            account));
    browser.capture("bot-editor-photo");

    browser.go("/media");
    browser.waitFor(By.xpath("//button[@aria-label='Delete medium " + medium + "']")).click();
    browser.waitForText(By.cssSelector("[role=alert]"), "is in your bot's post");
    assertEquals(1, fixtures.count("SELECT count(*) FROM medium WHERE account_id = ?", account));
  }

  /** An input of the open account's plan form (the create form above has the same labels). */
  private static org.openqa.selenium.WebElement accountPlanField(String label) {
    String id =
        browser
            .waitFor(
                By.xpath(
                    "//form[@aria-labelledby='tenant-heading']//label[normalize-space(.)='"
                        + label
                        + "']"))
            .getDomAttribute("for");
    return browser.driver().findElement(By.id(id));
  }

  /** The field shows the stored limit: replace it as a person does. */
  private static void retype(org.openqa.selenium.WebElement field, String text) {
    field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
    field.sendKeys(org.openqa.selenium.Keys.DELETE);
    field.sendKeys(text);
  }

  @Test
  void ownerSetsATenantsMediaLimitsAndReadsWhatTheSandboxReceived() {
    Login limited = newLogin("console-media-limits");
    long account = limited.id();
    // A photo post that already reached the sandbox, to read back in its send log.
    fixtures.session(fixtures.apiPair(7));
    String token = activeTenant("console-media-sent", 1).token();
    long photo =
        MediaIT.upload(token, "p.png", null, SampleMedia.png())
            .json()
            .getJsonNumber("id")
            .longValue();
    String chat =
        "@console_media_" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
    assertEquals(
        200,
        api.put(
                "/api/v1/bot/config",
                JsonBody.of(
                    "target_groups",
                    java.util.List.of(chat),
                    "post_type",
                    "PHOTO",
                    "post_text",
                    "From the console test",
                    "media_ids",
                    java.util.List.of(photo),
                    "delay_between_posts_seconds",
                    0,
                    "delay_between_cycles_seconds",
                    3600))
            .token(token)
            .send()
            .status());
    assertEquals(200, api.post("/api/v1/bot/start", "").token(token).send().status());

    browser.open("/admin/tenants");
    browser.type("Email", "admin@herald.local");
    browser.type("Password", SystemUnderTest.get().adminPassword());
    browser.click("Sign in");
    browser.waitForScreen("Tenants");
    browser.type("Account id", Long.toString(account));
    browser.click("Open");
    browser.waitForText(By.id("tenant-heading"), limited.email());
    retype(accountPlanField("Max media file size (MB)"), "2");
    retype(accountPlanField("Max media files"), "5");
    browser.click("Save plan");
    browser.waitUntil(
        "the plan's media limits are stored",
        d ->
            "2097152:5"
                .equals(
                    fixtures.string(
                        "SELECT max_media_bytes || ':' || max_media_count FROM account WHERE id ="
                            + " ?",
                        account)));

    browser.go("/admin/sandbox");
    browser.type("Chat", chat);
    browser.waitUntil(
        "the photo reached the sandbox",
        d -> {
          browser.click("Show sends");
          return d.findElements(By.cssSelector("[data-testid=sent-row]")).stream()
              .anyMatch(row -> row.getText().contains("photo #" + photo));
        });
    browser.capture("admin-sandbox-send-log");
    api.post("/api/v1/bot/stop", "").token(token).send();
  }
}
