package dev.herald.telegram.botapi;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test against a fresh local {@link FakeBotApi} server per test, closed after it. */
abstract class FakeBotApiTest {

  FakeBotApi telegram;

  @BeforeEach
  void startTelegram() throws IOException {
    telegram = new FakeBotApi();
  }

  @AfterEach
  void stopTelegram() {
    telegram.close();
  }
}
