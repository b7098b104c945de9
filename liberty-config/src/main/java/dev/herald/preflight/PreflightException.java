package dev.herald.preflight;

/** A configuration problem that must stop the server; the message says how to fix it. */
final class PreflightException extends Exception {

  private static final long serialVersionUID = 1L;

  PreflightException(String message) {
    super(message, null, false, false);
  }
}
