package dev.herald.api.auth;

/**
 * A signed token as returned to clients: {@code access_token}, {@code token_type}, {@code
 * expires_in}.
 */
public record IssuedToken(String accessToken, String tokenType, long expiresIn) {

  static IssuedToken bearer(String accessToken, long expiresIn) {
    return new IssuedToken(accessToken, "Bearer", expiresIn);
  }
}
