package dev.herald.persistence.media;

/** The statements of {@link JdbcMediaStore}. */
final class MediaSql {

  private MediaSql() {}

  static final String COLUMNS =
      "id, account_id, kind, content_type, file_name, size_bytes, sha256, created_at";

  /** Serialises an account's uploads, so the count check and the insert cannot race. */
  static final String LOCK_ACCOUNT = "SELECT id FROM account WHERE id = ? FOR UPDATE";

  static final String COUNT = "SELECT count(*) FROM medium WHERE account_id = ?";

  static final String INSERT =
      "INSERT INTO medium (account_id, kind, content_type, file_name, size_bytes, sha256, content)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING "
          + COLUMNS;

  static final String FIND = "SELECT " + COLUMNS + " FROM medium WHERE account_id = ? AND id = ?";

  static final String FIND_ALL =
      "SELECT " + COLUMNS + " FROM medium WHERE account_id = ? AND id = ANY (?)";

  /** Parameters: account, the last id seen (null: from the newest), fetch size. */
  static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM medium WHERE account_id = ? AND (CAST(? AS BIGINT) IS NULL OR id < ?)"
          + " ORDER BY id DESC LIMIT ?";

  /**
   * A medium one of the bot's posts names ({@code content_json}'s {@code posts[].media[].id}, see
   * BotPostsJson; a bot without that JSON has one plain post, no media). Parameters: account,
   * medium id.
   */
  static final String IN_USE =
      "SELECT 1 FROM bot WHERE account_id = ? AND content_json IS NOT NULL"
          + " AND CAST(content_json AS JSONB) @> jsonb_build_object('posts', jsonb_build_array("
          + "jsonb_build_object('media', jsonb_build_array(jsonb_build_object('id',"
          + " CAST(? AS BIGINT))))))";

  static final String DELETE = "DELETE FROM medium WHERE account_id = ? AND id = ?";

  static final String CONTENT = "SELECT content FROM medium WHERE id = ?";

  static final String REMOTE_FILE_ID =
      "SELECT remote_file_id FROM medium_remote_file"
          + " WHERE medium_id = ? AND sender_kind = ? AND sender_id = ?";

  /** The newest file id wins: Telegram may hand out a new one on a later upload. */
  static final String REMEMBER_REMOTE_FILE_ID =
      "INSERT INTO medium_remote_file (medium_id, sender_kind, sender_id, remote_file_id)"
          + " SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM medium WHERE id = ?)"
          + " ON CONFLICT (medium_id, sender_kind, sender_id)"
          + " DO UPDATE SET remote_file_id = EXCLUDED.remote_file_id, created_at = now()";
}
