package dev.herald.domain.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.herald.domain.shared.ParsedInput;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Whatever a tenant types as active hours, parsing never throws; a parsed form's canonical form
 * parses back to the same hours; and the next allowed instant is never earlier than asked for and
 * always inside a window (checked in a zone with DST changes, around one). Runs on {@code
 * ActiveHoursFuzzTestInputs/} during {@code mvn verify}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ActiveHoursFuzzTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant AROUND_DST = Instant.parse("2026-03-27T00:00:00Z");

  @FuzzTest
  void parsingIsTotalAndTheNextRunIsAlwaysInsideAWindow(byte[] input) {
    Optional<ActiveHours> parsed =
        ParsedInput.roundTripped(input, ActiveHours::tryParse, ActiveHours::canonical);
    if (parsed.isEmpty()) {
      return;
    }
    ActiveHours hours = parsed.get();
    int offsetHours = input.length == 0 ? 0 : Byte.toUnsignedInt(input[0]) % 168;
    Instant at = AROUND_DST.plusSeconds(offsetHours * 3600L + 1234);
    Instant next = hours.nextAllowed(at, BERLIN);
    assertFalse(next.isBefore(at));
    assertTrue(hours.contains(next, BERLIN), () -> hours + " at " + next);
  }
}
