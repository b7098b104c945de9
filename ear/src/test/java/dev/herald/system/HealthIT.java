package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health: liveness is the process only; readiness is the database and the schema. */
class HealthIT {

  static SystemUnderTest system;
  static Api api;

  @BeforeAll
  static void start() {
    system = SystemUnderTest.get();
    api = system.api();
  }

  @Test
  void liveReadyAndStartedAreUp() {
    assertEquals(200, api.get("/health/live").send().status());
    assertEquals(200, api.get("/health/ready").send().status());
    assertEquals(200, api.get("/health/started").send().status());
  }

  @Test
  void metricsAreScrapedWithoutALogin() {
    Api.Reply metrics = api.get("/metrics").send();
    assertEquals(200, metrics.status());
    assertTrue(metrics.body().contains("# TYPE"), "Prometheus text expected");
  }

  @Test
  void openApiDocumentDescribesTheApi() {
    Api.Reply openapi = api.get("/openapi").send();
    assertEquals(200, openapi.status());
    assertTrue(openapi.body().contains("/api/v1/bot/config"), openapi::body);
  }

  @Test
  void readinessIsDownWithoutTheDatabaseWhileLivenessStaysUp() {
    system.database().stop();
    try {
      Poll.until("readiness DOWN", Duration.ofSeconds(30), () -> api.get("/health/ready").send().status() == 503);
      assertEquals(200, api.get("/health/live").send().status());
      Api.Reply ready = api.get("/health/ready").send();
      assertTrue(ready.body().contains("\"DOWN\""), ready::body);
      assertFalse(ready.body().contains("Exception:"), ready::body);
    } finally {
      system.database().start();
    }
    Poll.until("readiness UP again", Duration.ofSeconds(30), () -> api.get("/health/ready").send().status() == 200);
  }
}
