package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC rule 1, the isolation half: the acting account comes from the token's sub only. */
class TenantIsolationIT extends TenantSystemTest {

  private static String config(String text) {
    return JsonBody.of("target_groups", List.of("@herald_test"), "post_text", text);
  }

  @Test
  void identityHeadersAreIgnoredAndATenantOnlyEverSeesItsOwnBot() {
    String tokenA = tokens.tenant(Tokens.newSubject("tenant-a"));
    String tokenB = tokens.tenant(Tokens.newSubject("tenant-b"));
    long idB = Admins.register(api, tokenB);
    assertEquals(
        200, api.put("/api/v1/bot/config", config("from A")).token(tokenA).send().status());
    assertEquals(
        200, api.put("/api/v1/bot/config", config("from B")).token(tokenB).send().status());

    Api.Reply asB =
        api.get("/api/v1/bot/config")
            .token(tokenA)
            .header("X-User-Id", Long.toString(idB))
            .header("X-Account-Id", Long.toString(idB))
            .send();
    assertEquals("from A", asB.json().getString("post_text"));

    Api.Reply overwrite =
        api.put("/api/v1/bot/config", config("A writing as B"))
            .token(tokenA)
            .header("X-User-Id", Long.toString(idB))
            .send();
    assertEquals(200, overwrite.status());
    assertEquals(
        "from B", api.get("/api/v1/bot/config").token(tokenB).send().json().getString("post_text"));
  }

  @Test
  void identityHeadersWithoutATokenAreRefused() {
    assertEquals(401, api.get("/api/v1/bot/config").header("X-User-Id", "1").send().status());
  }

  @Test
  void registerIsIdempotent() {
    String token = tokens.tenant(Tokens.newSubject("register"));
    long first = Admins.register(api, token);
    long second = Admins.register(api, token);
    assertEquals(first, second);
  }
}
