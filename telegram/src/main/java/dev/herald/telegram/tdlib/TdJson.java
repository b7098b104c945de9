package dev.herald.telegram.tdlib;

import com.sun.jna.Library;

/**
 * TDLib's JSON interface ({@code td/telegram/td_json_client.h}). Strings returned by {@code
 * td_receive}/{@code td_execute} are only valid until the next call on the same thread; JNA copies
 * them into Java strings at once, which is what makes this safe.
 */
public interface TdJson extends Library {

  int td_create_client_id();

  void td_send(int clientId, String request);

  /** Blocks up to {@code timeout} seconds; {@code null} when nothing arrived. One thread only. */
  String td_receive(double timeout);

  /** Synchronous methods only ({@code getTextEntities}, {@code getOption}, log settings). */
  String td_execute(String request);
}
