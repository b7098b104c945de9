package dev.herald.telegram.tdlib;

/**
 * A Telegram API id and hash from my.telegram.org, which TDLib needs to connect. The hash is a
 * secret and stays out of {@link #toString()}.
 */
public record ApiPair(int apiId, String apiHash) {

  public ApiPair {
    if (apiId <= 0 || apiHash == null || apiHash.isBlank()) {
      throw new IllegalArgumentException("An API id and hash from my.telegram.org are required.");
    }
  }

  @Override
  public String toString() {
    return "ApiPair[apiId=" + apiId + ", apiHash=***]";
  }
}
