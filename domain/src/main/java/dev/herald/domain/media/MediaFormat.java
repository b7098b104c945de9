package dev.herald.domain.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats Herald accepts, each recognised by its leading bytes (its magic number, never
 * the file name) and checked for the structure a truncated or damaged file lacks: a JPEG ends with
 * its end-of-image marker, a PNG with its IEND chunk, a GIF with its trailer, an MP4's top-level
 * boxes add up to the file's length, a WebP's RIFF size is the file's, a PDF has its {@code %%EOF},
 * a ZIP its end-of-central-directory record. Seven formats and their checks fit in this one class;
 * a detection library (Apache Tika) would bring a large type database and still not notice a file
 * cut short by a broken upload.
 */
public enum MediaFormat {
  JPEG("image/jpeg", MediaKind.PHOTO, "jpg"),
  PNG("image/png", MediaKind.PHOTO, "png"),
  WEBP("image/webp", MediaKind.PHOTO, "webp"),
  GIF("image/gif", MediaKind.ANIMATION, "gif"),
  MP4("video/mp4", MediaKind.VIDEO, "mp4"),
  PDF("application/pdf", MediaKind.DOCUMENT, "pdf"),
  ZIP("application/zip", MediaKind.DOCUMENT, "zip");

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private final String contentType;
  private final MediaKind kind;
  private final String extension;

  MediaFormat(String contentType, MediaKind kind, String extension) {
    this.contentType = contentType;
    this.kind = kind;
    this.extension = extension;
  }

  /**
   * The file name extension, without the dot: Telegram (TDLib behind the Bot API) takes an upload's
   * MIME type and how it shows the file from its name's extension.
   */
  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  public MediaKind kind() {
    return kind;
  }

  /** The format the bytes start like; empty when they are of no accepted format. */
  public static Optional<MediaFormat> detect(byte[] b) {
    if (startsWith(b, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(b, 0, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(b, 0, ascii("GIF87a")) || startsWith(b, 0, ascii("GIF89a"))) {
      return Optional.of(GIF);
    }
    if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
      return Optional.of(WEBP);
    }
    if (startsWith(b, 4, ascii("ftyp"))) {
      return Optional.of(MP4);
    }
    if (startsWith(b, 0, ascii("%PDF-"))) {
      return Optional.of(PDF);
    }
    if (startsWith(b, 0, ascii("PK\u0003\u0004"))) {
      return Optional.of(ZIP);
    }
    return Optional.empty();
  }

  /**
   * The format a client names by content type ({@code image/jpg} and parameters tolerated); empty
   * for a content type that names no accepted format, {@code application/octet-stream} included
   * (which claims nothing).
   */
  public static Optional<MediaFormat> ofContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (bare.equals("image/jpg") || bare.equals("image/pjpeg")) {
      return Optional.of(JPEG);
    }
    return Arrays.stream(values()).filter(f -> f.contentType.equals(bare)).findFirst();
  }

  /** True when the bytes have this format's whole structure, not only its first bytes. */
  public boolean isWhole(byte[] b) {
    int n = b.length;
    return switch (this) {
      case JPEG -> n >= 4 && (b[n - 2] & 0xFF) == 0xFF && (b[n - 1] & 0xFF) == 0xD9;
      case PNG -> n >= 20 && startsWith(b, n - 8, ascii("IEND"));
      case GIF -> n >= 14 && b[n - 1] == 0x3B;
      case WEBP -> n >= 12 && littleEndianInt(b, 4) + 8L == n;
      case MP4 -> boxesSpan(b);
      case PDF -> tailContains(b, ascii("%%EOF"), 1024);
      case ZIP -> endOfCentralDirectoryEndsFile(b);
    };
  }

  /** MP4 (ISO base media): top-level boxes, each led by its 32-bit size, tile the file exactly. */
  private static boolean boxesSpan(byte[] b) {
    long at = 0;
    while (at + 8 <= b.length) {
      long size = bigEndianUnsignedInt(b, (int) at);
      if (size == 1 && at + 16 <= b.length) {
        size = bigEndianLong(b, (int) at + 8);
      } else if (size == 0) {
        size = b.length - at;
      }
      if (size < 8) {
        return false;
      }
      at += size;
    }
    return at == b.length;
  }

  /** ZIP: the end-of-central-directory record (22 bytes and its comment) closes the file. */
  private static boolean endOfCentralDirectoryEndsFile(byte[] b) {
    for (int at = b.length - 22; at >= Math.max(0, b.length - 65_557); at--) {
      if (startsWith(b, at, ascii("PK\u0005\u0006"))) {
        int commentLength = (b[at + 20] & 0xFF) | (b[at + 21] & 0xFF) << 8;
        return at + 22 + commentLength == b.length;
      }
    }
    return false;
  }

  private static boolean tailContains(byte[] b, byte[] needle, int window) {
    for (int i = b.length - needle.length; i >= Math.max(0, b.length - window); i--) {
      if (startsWith(b, i, needle)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] b, int offset, byte... prefix) {
    if (offset < 0 || b.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static long littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xFFL)
        | (b[at + 1] & 0xFFL) << 8
        | (b[at + 2] & 0xFFL) << 16
        | (b[at + 3] & 0xFFL) << 24;
  }

  private static long bigEndianUnsignedInt(byte[] b, int at) {
    return (b[at] & 0xFFL) << 24
        | (b[at + 1] & 0xFFL) << 16
        | (b[at + 2] & 0xFFL) << 8
        | (b[at + 3] & 0xFFL);
  }

  private static long bigEndianLong(byte[] b, int at) {
    return bigEndianUnsignedInt(b, at) << 32 | bigEndianUnsignedInt(b, at + 4);
  }
}
