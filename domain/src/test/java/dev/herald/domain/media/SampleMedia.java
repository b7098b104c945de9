package dev.herald.domain.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of each accepted format, whole as their format wants them, for tests. */
public final class SampleMedia {

  private SampleMedia() {}

  public static byte[] jpeg() {
    return bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0xFF, 0xD9);
  }

  public static byte[] png() {
    return concat(
        bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'),
        bytes(0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0),
        bytes(0x90, 0x77, 0x53, 0xDE),
        bytes(0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82));
  }

  public static byte[] gif() {
    return concat(ascii("GIF89a"), bytes(1, 0, 1, 0, 0, 0, 0), bytes(0x3B));
  }

  public static byte[] webp() {
    byte[] body = concat(ascii("WEBP"), ascii("VP8L"), bytes(4, 0, 0, 0, 0x2F, 0, 0, 0));
    int size = body.length;
    return concat(ascii("RIFF"), bytes(size, 0, 0, 0), body);
  }

  public static byte[] mp4() {
    return concat(
        bytes(0, 0, 0, 16),
        ascii("ftypisom"),
        bytes(0, 0, 2, 0),
        bytes(0, 0, 0, 12),
        ascii("mdat"),
        bytes(1, 2, 3, 4));
  }

  public static byte[] pdf() {
    return ascii("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
  }

  public static byte[] zip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("a.txt"));
      zip.write(ascii("hello"));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The same file cut short by {@code n} bytes, as a broken upload leaves it. */
  public static byte[] truncated(byte[] whole, int n) {
    return Arrays.copyOf(whole, whole.length - n);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
