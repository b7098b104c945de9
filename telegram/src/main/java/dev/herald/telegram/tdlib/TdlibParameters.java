package dev.herald.telegram.tdlib;

import jakarta.json.JsonObject;
import java.nio.file.Path;

/** The {@code setTdlibParameters} request, with flat fields as TDLib has had them since 1.8.6. */
final class TdlibParameters {

  private TdlibParameters() {}

  static JsonObject build(
      TdlibConfig config, ApiPair api, Path databaseDirectory, String databaseKey) {
    return TdlibJson.object("setTdlibParameters")
        .add("use_test_dc", config.useTestDc())
        .add("database_directory", databaseDirectory.toString())
        .add("files_directory", databaseDirectory.resolve("files").toString())
        // TDLib's JSON writes "bytes" fields as base64.
        .add("database_encryption_key", databaseKey)
        // The chat database (TDLib turns the file database on with it: db.sqlite) stays on this
        // node's disk; a client opened elsewhere from the stored binlog starts without it and
        // learns chats again (TdlibTargets resolves a username again when a stored id is unknown).
        .add("use_file_database", false)
        .add("use_chat_info_database", true)
        // Rule 10: with the message database on, TDLib keeps unsent messages in its binlog and
        // sends them again after a restart, while Herald's engine (or another node taking the
        // session over) retries the same post: two posts. Off, a send lost in a crash is lost
        // once and retried once, by Herald only.
        .add("use_message_database", false)
        .add("use_secret_chats", false)
        .add("api_id", api.apiId())
        .add("api_hash", api.apiHash())
        .add("system_language_code", config.systemLanguageCode())
        .add("device_model", config.deviceModel())
        .add("system_version", "")
        .add("application_version", config.applicationVersion())
        .build();
  }
}
