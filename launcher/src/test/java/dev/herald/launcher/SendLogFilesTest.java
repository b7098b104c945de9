package dev.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting duplicates across the send logs of several nodes. */
class SendLogFilesTest {

  @TempDir Path data;

  private void write(String file, String text) throws IOException {
    Path folder = data.resolve("sandbox-sends");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(file), text);
  }

  @Test
  void aSecondDeliveredSendOfOneKeyOnAnyNodeIsOneDuplicate() throws IOException {
    write(
        "sends-1-1.tsv",
        "1\t7\t3\t@a\tsession:1\tDELIVERED\n"
            + "2\t7\t3\t@b\tsession:1\tDELIVERED\n"
            + "3\t7\t4\t@a\tsession:1\tFLOOD_WAIT\n");
    write(
        "sends-2-5.tsv",
        "4\t7\t3\t@a\tsession:2\tDELIVERED\n" // the same (account, cycle, chat) on another node
            + "5\t7\t4\t@a\tsession:2\tDELIVERED\n" // after a refused send: no duplicate post
            + "6\t8\t3\t@a\tsession:9\tDELIVERED\n"
            + "7\t8\t3\t@a\tsession:9\tDELIV"); // cut short by kill -9: not counted
    SendLogFiles log = SendLogFiles.inDataDir(data);

    assertEquals(6, log.sends().size());
    assertEquals(1, log.duplicates());
    assertEquals(0, log.duplicates(SendLogFiles.ofAccount(8)));
    assertEquals(5, log.delivered(send -> true));
  }

  @Test
  void noFolderIsNoSends() {
    assertEquals(0, SendLogFiles.inDataDir(data.resolve("none")).sends().size());
  }
}
