package dev.herald.system;

import static dev.herald.system.Admins.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.media.SampleMedia;
import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The media library over real HTTP: multipart uploads as curl sends them, the type read from the
 * bytes, the plan's size and count limits, and nothing half-stored when an upload is refused.
 */
class MediaIT extends TenantSystemTest {

  /** A real JPEG or PNG of {@code side} pixels of noise (noise does not compress away). */
  static byte[] image(String format, int side) throws IOException {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < side; x++) {
      for (int y = 0; y < side; y++) {
        image.setRGB(x, y, ThreadLocalRandom.current().nextInt());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  static Api.Reply upload(String token, String fileName, String contentType, byte[] bytes) {
    return new Multipart()
        .file("file", fileName, contentType, bytes)
        .post(system.server().baseUrl(), "/api/v1/media", token);
  }

  private static long stored(long account) {
    return fixtures.count("SELECT count(*) FROM medium WHERE account_id = ?", account);
  }

  @Test
  void anUploadedPhotoIsListedReadAndDeletedByItsOwnerOnly() throws Exception {
    String tenant = registeredTenant("media");
    String stranger = registeredTenant("media-other");
    byte[] jpeg = image("jpg", 32);

    Api.Reply created = upload(tenant, "holiday.jpg", "image/jpeg", jpeg);

    assertEquals(201, created.status(), created::toString);
    JsonObject medium = created.json();
    long id = medium.getJsonNumber("id").longValue();
    assertTrue(created.header("Location").endsWith("/api/v1/media/" + id), created::toString);
    assertEquals("PHOTO", medium.getString("kind"));
    assertEquals("image/jpeg", medium.getString("content_type"));
    assertEquals("holiday.jpg", medium.getString("file_name"));
    assertEquals(jpeg.length, medium.getJsonNumber("size_bytes").longValue());
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg)),
        medium.getString("sha256"));
    assertEquals(medium, api.get("/api/v1/media/" + id).token(tenant).send().json());
    JsonObject page = api.get("/api/v1/media?limit=10").token(tenant).send().json();
    assertEquals(id, page.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
    assertTrue(page.isNull("next_cursor"));

    assertProblem(api.get("/api/v1/media/" + id).token(stranger).send(), 404, "not-found");
    assertProblem(api.delete("/api/v1/media/" + id).token(stranger).send(), 404, "not-found");
    assertEquals(
        0, api.get("/api/v1/media").token(stranger).send().json().getJsonArray("items").size());

    assertEquals(204, api.delete("/api/v1/media/" + id).token(tenant).send().status());
    assertProblem(api.get("/api/v1/media/" + id).token(tenant).send(), 404, "not-found");
  }

  @Test
  void everyAcceptedFormatIsKnownByItsBytesWhateverItsName() throws Exception {
    String tenant = registeredTenant("media-kinds");
    Map<String, byte[]> kinds =
        Map.of(
            "PHOTO", image("png", 8),
            "VIDEO", SampleMedia.mp4(),
            "ANIMATION", SampleMedia.gif(),
            "DOCUMENT", SampleMedia.pdf());
    for (Map.Entry<String, byte[]> kind : kinds.entrySet()) {
      Api.Reply reply = upload(tenant, "no-extension", null, kind.getValue());
      assertEquals(201, reply.status(), reply::toString);
      assertEquals(kind.getKey(), reply.json().getString("kind"));
    }
  }

  @Test
  void uploadIsRefusedWhenTheBytesAreNotWhatTheyClaimAndNothingIsStored() throws Exception {
    String tenant = tokens.tenant(Tokens.newSubject("media-mismatch"));
    long account = Admins.register(api, tenant);

    assertProblem(
        upload(tenant, "photo.jpg", "image/jpeg", image("png", 8)), 415, "media-type-mismatch");
    assertProblem(
        upload(tenant, "photo.jpg", "image/jpeg", "<?php echo 1; ?>".getBytes()),
        415,
        "unsupported-media-type");
    assertProblem(
        upload(tenant, "photo.png", "image/png", SampleMedia.truncated(image("png", 8), 10)),
        400,
        "media-corrupt");
    Api.Reply noFile =
        new Multipart()
            .file("attachment", "a.png", "image/png", image("png", 8))
            .post(system.server().baseUrl(), "/api/v1/media", tenant);
    assertProblem(noFile, 400, "invalid-input");
    assertEquals(0, stored(account));
  }

  @Test
  void uploadIsRefusedOverThePlansSizeAndCountSetByTheAdmin() throws Exception {
    String tenant = tokens.tenant(Tokens.newSubject("media-limits"));
    long account = Admins.register(api, tenant);
    Api.Reply plan =
        api.put(
                "/api/v1/admin/accounts/" + account + "/plan",
                "{\"status\":\"ACTIVE\",\"limits\":{\"max_media_bytes\":4096,"
                    + "\"max_media_count\":1}}")
            .token(fixtures.adminToken())
            .send();
    assertEquals(200, plan.status(), plan::toString);
    assertEquals(
        4096, plan.json().getJsonObject("plan").getJsonObject("limits").getInt("max_media_bytes"));

    assertProblem(upload(tenant, "big.png", "image/png", image("png", 64)), 413, "media-too-large");
    assertEquals(201, upload(tenant, "a.gif", "image/gif", SampleMedia.gif()).status());
    assertProblem(
        upload(tenant, "b.gif", "image/gif", SampleMedia.gif()), 400, "media-limit-reached");
    assertEquals(1, stored(account));
  }

  @Test
  void aMediumInABotsPostCannotBeDeletedAndAnotherTenantsMediumCannotBeUsed() throws Exception {
    String tenant = registeredTenant("media-in-use");
    String stranger = registeredTenant("media-stranger");
    long photo =
        upload(tenant, "p.png", "image/png", image("png", 8))
            .json()
            .getJsonNumber("id")
            .longValue();
    long strangers =
        upload(stranger, "s.png", null, image("png", 8)).json().getJsonNumber("id").longValue();

    Api.Reply saved =
        api.put(
                "/api/v1/bot/config",
                JsonBody.of("post_type", "PHOTO", "post_text", "Hi", "media_ids", List.of(photo)))
            .token(tenant)
            .send();
    assertEquals(200, saved.status(), saved::toString);
    assertEquals(photo, saved.json().getJsonArray("media_ids").getJsonNumber(0).longValue());
    assertProblem(api.delete("/api/v1/media/" + photo).token(tenant).send(), 409, "medium-in-use");

    Api.Reply foreign =
        api.put(
                "/api/v1/bot/config",
                JsonBody.of("post_type", "PHOTO", "media_ids", List.of(strangers)))
            .token(tenant)
            .send();
    assertProblem(foreign, 400, "invalid-input");
    Admins.assertFieldRefused(foreign, "media_ids[0]");
  }

  @Test
  void theSandboxSendLogIsForAdminsOnlyAndNamesAChat() {
    String tenant = registeredTenant("media-not-admin");
    String selfMadeAdmin =
        tokens.tenant(
            Tokens.newSubject("media-self-made"),
            c -> c.setStringListClaim("groups", List.of("ADMIN")));
    Admins.register(api, selfMadeAdmin);

    assertEquals(403, api.get("/api/v1/admin/sandbox/sent?chat=@x").token(tenant).send().status());
    assertProblem(
        api.get("/api/v1/admin/sandbox/sent?chat=@x").token(selfMadeAdmin).send(),
        403,
        "admin-required");
    assertProblem(
        api.get("/api/v1/admin/sandbox/sent?chat=not%20a%20chat")
            .token(fixtures.adminToken())
            .send(),
        400,
        "invalid-input");
    assertEquals(
        "[]",
        api.get("/api/v1/admin/sandbox/sent?chat=@nobody_posted_here_yet")
            .token(fixtures.adminToken())
            .send()
            .body());
  }
}
