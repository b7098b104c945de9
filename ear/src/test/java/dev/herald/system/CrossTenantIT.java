package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 1 across every tenant endpoint: tenant A's token with {@code X-User-Id: B} (and
 * friends) reads and writes only A's data. B's bot and user bot are unchanged afterwards, and
 * nothing of B's appears in any answer to A.
 */
class CrossTenantIT extends TenantSystemTest {

  @Test
  void tenantEndpointsIgnoreIdentityHeadersAndNeverTouchAnotherTenant() {
    String tokenB = tokens.tenant(Tokens.newSubject("cross-b"));
    long idB = Admins.register(api, tokenB);
    String botTokenB = UserBotIT.botToken();
    String maskedB = botTokenB.substring(0, botTokenB.indexOf(':')) + ":***";
    api.put(
            "/api/v1/bot/config",
            JsonBody.of("target_groups", List.of("@b_group"), "post_text", "B's post"))
        .token(tokenB)
        .send();
    api.post("/api/v1/user-bot", JsonBody.of("token", botTokenB)).token(tokenB).send();
    String before = snapshot(tokenB);

    String tokenA = tokens.tenant(Tokens.newSubject("cross-a"));
    String b = Long.toString(idB);
    Function<Api.Request, Api.Reply> asB =
        r ->
            r.token(tokenA)
                .header("X-User-Id", b)
                .header("X-Account-Id", b)
                .header("X-Tenant-Id", b)
                .send();
    List<Api.Request> everyTenantEndpoint =
        List.of(
            api.post("/api/v1/account/register", ""),
            api.get("/api/v1/bot/config"),
            api.put(
                "/api/v1/bot/config",
                JsonBody.of("target_groups", List.of("@a_group"), "post_text", "A's post")),
            api.get("/api/v1/bot/state"),
            api.post("/api/v1/bot/start", ""),
            api.post("/api/v1/bot/stop", ""),
            api.get("/api/v1/bot/stats"),
            api.get("/api/v1/bot/logs"),
            api.get("/api/v1/bot/deliveries"),
            api.get("/api/v1/sync/state"),
            api.get("/api/v1/user-bot"),
            api.post("/api/v1/user-bot", JsonBody.of("token", UserBotIT.botToken())),
            api.patch("/api/v1/user-bot", JsonBody.of("token", UserBotIT.botToken())),
            api.post("/api/v1/user-bot/verify", "{}"),
            api.get("/api/v1/user-bot"),
            api.delete("/api/v1/user-bot"),
            api.get("/api/v1/user-bot"));
    for (Api.Request request : everyTenantEndpoint) {
      Api.Reply reply = asB.apply(request);
      assertFalse(reply.body().contains("B's post"), reply::toString);
      assertFalse(reply.body().contains(maskedB), reply::toString);
      assertFalse(reply.body().contains("\"id\":" + idB + ","), reply::toString);
    }
    assertEquals(before, snapshot(tokenB), "B's data must be unchanged");
  }

  private static String snapshot(String token) {
    return api.get("/api/v1/bot/config").token(token).send().body()
        + api.get("/api/v1/bot/state").token(token).send().body()
        + api.get("/api/v1/bot/stats").token(token).send().body()
        + api.get("/api/v1/bot/logs").token(token).send().body()
        + api.get("/api/v1/bot/deliveries").token(token).send().body()
        + api.get("/api/v1/user-bot").token(token).send().body()
        + api.post("/api/v1/account/register", "").token(token).send().body();
  }
}
