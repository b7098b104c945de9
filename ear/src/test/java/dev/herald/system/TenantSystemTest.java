package dev.herald.system;

import dev.herald.launcher.Api;
import dev.herald.launcher.Tokens;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;

/**
 * A system test against the shared server ({@link SystemUnderTest}), acting as tenants and admins:
 * the server, its API client, the dev-key token minter and the fixtures. A subclass's own
 * {@code @BeforeAll} runs after {@link #connect()}, so it can use them.
 */
abstract class TenantSystemTest {

  static SystemUnderTest system;
  static Api api;
  static Tokens tokens;
  static Fixtures fixtures;

  @BeforeAll
  static void connect() {
    system = SystemUnderTest.get();
    api = system.api();
    tokens = new Tokens(system.keysDir());
    fixtures = new Fixtures(system);
  }

  /** A tenant of these tests: its JWT subject, a token for it, and its account's id. */
  record ActiveTenant(String subject, String token, long account) {}

  /** A token of a new tenant, its subject labelled {@code label}, whose account is registered. */
  static String registeredTenant(String label) {
    String token = tokens.tenant(Tokens.newSubject(label));
    Admins.register(api, token);
    return token;
  }

  /**
   * A new tenant whose subject is labelled {@code label}, with an active plan of {@code
   * maxSessions} sessions, as {@link Fixtures#activeAccount} sets it.
   */
  static ActiveTenant activeTenant(String label, int maxSessions) {
    String subject = Tokens.newSubject(label);
    String token = tokens.tenant(subject);
    return new ActiveTenant(subject, token, fixtures.activeAccount(token, subject, maxSessions));
  }

  /**
   * A new tenant as {@link #activeTenant}, with {@code sessions} sandbox sessions in the pool and
   * its bot started, posting to {@code groups} ({@link Fixtures#runningBot}).
   */
  static ActiveTenant runningTenant(String label, int maxSessions, int sessions, String... groups) {
    String subject = Tokens.newSubject(label);
    String token = tokens.tenant(subject);
    return new ActiveTenant(
        subject, token, fixtures.runningBot(token, subject, maxSessions, sessions, groups));
  }

  /** The tenant's polled bot state, {@code GET /bot/state}. */
  static JsonObject botState(String token) {
    return api.get("/api/v1/bot/state").token(token).send().json();
  }

  /**
   * The tenant's polled bot state ({@code GET /bot/state}) once it shows {@code what}. A change
   * made outside the tenant's own requests (the engine, another node, a test's SQL) reaches a
   * node's state cache when the database's announcement arrives, so the poll right after the change
   * is in the database may still show the state before it.
   */
  static JsonObject stateShowing(String token, String what, Predicate<JsonObject> shows) {
    JsonObject[] last = new JsonObject[1];
    Poll.until(
        what + " in the polled state",
        Duration.ofSeconds(30),
        () -> shows.test(last[0] = botState(token)));
    return last[0];
  }
}
