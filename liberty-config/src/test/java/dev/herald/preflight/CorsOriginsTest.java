package dev.herald.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsOriginsTest {

  @Test
  void devDefaultsToTheLocalDashboard() throws PreflightException {
    assertEquals("http://localhost:3000", CorsOrigins.resolve("dev", Map.of()));
    assertEquals(
        "http://localhost:5173",
        CorsOrigins.resolve("dev", Map.of(CorsOrigins.VARIABLE, "http://localhost:5173")));
  }

  @Test
  void prodHasNoDefaultOrigin() throws PreflightException {
    assertEquals("", CorsOrigins.resolve("prod", Map.of()));
  }

  @Test
  void prodKeepsExplicitOrigins() throws PreflightException {
    assertEquals(
        "https://dashboard.example.com,https://admin.example.com:8443",
        CorsOrigins.resolve(
            "prod",
            Map.of(
                CorsOrigins.VARIABLE,
                " https://dashboard.example.com , https://admin.example.com:8443 ")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*",
        "https://*.example.com",
        "null",
        "http://localhost:3000",
        "https://LOCALHOST",
        "http://127.0.0.1:8080",
        "http://127.1.2.3",
        "http://[::1]:3000",
        "http://0.0.0.0",
        "http://app.localhost",
        "https://dashboard.example.com,http://localhost:3000",
        "https://dashboard.example.com/path",
        "dashboard.example.com",
        "ftp://dashboard.example.com",
      })
  void prodRefusesWildcardsLoopbackAndNonOrigins(String value) {
    PreflightException e =
        assertThrows(
            PreflightException.class,
            () -> CorsOrigins.resolve("prod", Map.of(CorsOrigins.VARIABLE, value)));
    assertTrue(e.getMessage().startsWith("HERALD_CORS_ORIGINS contains"), e.getMessage());
    assertTrue(
        e.getMessage().contains("HERALD_CORS_ORIGINS=https://dashboard.example.com"),
        e.getMessage());
  }
}
