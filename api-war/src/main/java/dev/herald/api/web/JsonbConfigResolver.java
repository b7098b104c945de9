package dev.herald.api.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's JSON conventions: snake_case names (as the token claims and the dashboards of the
 * system Herald replaces use), nulls left out.
 */
@Provider
public class JsonbConfigResolver implements ContextResolver<Jsonb> {

  /**
   * One instance for the API (a Jsonb is thread-safe); {@link ConditionalReadFilter} uses it too.
   */
  static final Jsonb API_JSON =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(false));

  @Override
  public Jsonb getContext(Class<?> type) {
    return API_JSON;
  }
}
