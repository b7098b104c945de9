package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenAPI document says which operations need a token and what they answer. The token-guarded
 * resources declare both on a shared base class ({@code AuthenticatedResource}), so this checks the
 * document still shows them on each operation.
 */
class OpenApiDocumentIT extends TenantSystemTest {

  static JsonObject paths;

  @BeforeAll
  static void read() {
    paths =
        api.get("/openapi")
            .header("Accept", "application/json")
            .send()
            .json()
            .getJsonObject("paths");
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/admin/audit-log, get",
    "/api/v1/admin/bots, get",
    "/api/v1/admin/sessions, get",
    "/api/v1/admin/sandbox/faults, get",
    "/api/v1/bot/config, get",
    "/api/v1/account/register, post",
  })
  void guardedOperationNeedsTheJwtAndAnswersJson(String path, String method) {
    JsonObject operation = paths.getJsonObject(path).getJsonObject(method);
    assertEquals(1, operation.getJsonArray("security").size(), operation::toString);
    assertTrue(
        operation.getJsonArray("security").getJsonObject(0).containsKey("jwt"),
        operation::toString);
    assertTrue(
        operation
            .getJsonObject("responses")
            .getJsonObject("200")
            .getJsonObject("content")
            .containsKey("application/json"),
        operation::toString);
  }

  @Test
  void theLoginNeedsNoToken() {
    JsonObject login = paths.getJsonObject("/api/v1/auth/login").getJsonObject("post");
    assertTrue(
        !login.containsKey("security") || login.getJsonArray("security").isEmpty(),
        login::toString);
  }
}
