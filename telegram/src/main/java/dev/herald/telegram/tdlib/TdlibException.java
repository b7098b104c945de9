package dev.herald.telegram.tdlib;

import jakarta.json.JsonObject;

/** A TDLib {@code error} object answered to a request: {@code code} and {@code message}. */
public class TdlibException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final String tdlibMessage;

  public TdlibException(int code, String message) {
    super(code + " " + message);
    this.code = code;
    this.tdlibMessage = message;
  }

  public static TdlibException from(JsonObject error) {
    return new TdlibException(error.getInt("code", 0), error.getString("message", ""));
  }

  public int code() {
    return code;
  }

  public String tdlibMessage() {
    return tdlibMessage;
  }
}
