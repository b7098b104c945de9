package dev.herald.domain.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours of each weekday a bot may post in, as local wall-clock times of the tenant's zone.
 *
 * <p>Wire form: entries separated by {@code ;}, each {@code DAYS HH:MM-HH:MM}, where DAYS is a day
 * ({@code Mon}), a range ({@code Mon-Fri}, {@code Fri-Mon} wraps over the week end) or a list
 * ({@code Mon,Wed,Fri}); days are English three-letter names in any case; the end is after the
 * start, {@code 24:00} allowed as an end. A window over midnight is two entries ({@code Fri
 * 22:00-24:00; Sat 00:00-02:00}). Example: {@code Mon-Fri 09:00-21:00; Sat 10:00-14:00}. The empty
 * form means "always" ({@link #ALWAYS}).
 *
 * <p>DST: see {@link #contains}.
 */
public final class ActiveHours {

  /** No restriction: the bot may post at any time. */
  public static final ActiveHours ALWAYS = new ActiveHours(new EnumMap<>(DayOfWeek.class), "");

  /** Longest accepted wire form; a week of minute windows is far shorter. */
  public static final int MAX_LENGTH = 500;

  private static final Pattern ENTRY =
      Pattern.compile(
          "([A-Za-z]{3}(?:\\s*[-,]\\s*[A-Za-z]{3})*)\\s+(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})");

  private static final LocalTime END_OF_DAY = LocalTime.MAX;

  /** Per day, the windows sorted by start and merged; an end of {@code 24:00} is LocalTime.MAX. */
  private final Map<DayOfWeek, List<LocalTime[]>> windows;

  private final String canonical;

  private ActiveHours(Map<DayOfWeek, List<LocalTime[]>> windows, String canonical) {
    this.windows = windows;
    this.canonical = canonical;
  }

  /** The active hours of the wire form, or why it is not one (a message for the tenant). */
  public static ActiveHours parse(String raw) {
    return tryParse(raw).orElseThrow(() -> new IllegalArgumentException(SYNTAX));
  }

  static final String SYNTAX =
      "Write active hours as 'Mon-Fri 09:00-21:00; Sat 10:00-14:00' (days Mon..Sun, end after"
          + " start, 24:00 allowed as an end).";

  /** The active hours of the wire form; empty when it is not one. Never throws. */
  public static Optional<ActiveHours> tryParse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.of(ALWAYS);
    }
    if (raw.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Map<DayOfWeek, List<LocalTime[]>> byDay = new EnumMap<>(DayOfWeek.class);
    for (String entry : raw.split(";", -1)) {
      Matcher m = ENTRY.matcher(entry.strip());
      if (!m.matches()) {
        return Optional.empty();
      }
      Optional<List<DayOfWeek>> days = days(m.group(1));
      Optional<LocalTime> start = time(m.group(2), m.group(3), false);
      Optional<LocalTime> end = time(m.group(4), m.group(5), true);
      if (days.isEmpty() || start.isEmpty() || end.isEmpty() || !end.get().isAfter(start.get())) {
        return Optional.empty();
      }
      for (DayOfWeek day : days.get()) {
        byDay
            .computeIfAbsent(day, d -> new ArrayList<>())
            .add(new LocalTime[] {start.get(), end.get()});
      }
    }
    byDay.replaceAll((day, list) -> merge(list));
    return Optional.of(new ActiveHours(byDay, canonical(byDay)));
  }

  private static Optional<List<DayOfWeek>> days(String raw) {
    List<DayOfWeek> days = new ArrayList<>();
    for (String part : raw.split(",")) {
      String[] range = part.split("-");
      if (range.length > 2) {
        return Optional.empty();
      }
      Optional<DayOfWeek> from = day(range[0]);
      Optional<DayOfWeek> to = range.length > 1 ? day(range[1]) : from;
      if (from.isEmpty() || to.isEmpty()) {
        return Optional.empty();
      }
      for (DayOfWeek d = from.get(); ; d = d.plus(1)) {
        if (!days.contains(d)) {
          days.add(d);
        }
        if (d == to.get()) {
          break;
        }
      }
    }
    return Optional.of(days);
  }

  private static Optional<DayOfWeek> day(String raw) {
    String name = raw.strip();
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalTime> time(String hours, String minutes, boolean end) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    if (end && h == 24 && m == 0) {
      return Optional.of(END_OF_DAY);
    }
    return h < 24 && m < 60 ? Optional.of(LocalTime.of(h, m)) : Optional.empty();
  }

  private static List<LocalTime[]> merge(List<LocalTime[]> list) {
    list.sort((a, b) -> a[0].compareTo(b[0]));
    List<LocalTime[]> merged = new ArrayList<>();
    for (LocalTime[] w : list) {
      LocalTime[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !w[0].isAfter(last[1])) {
        last[1] = w[1].isAfter(last[1]) ? w[1] : last[1];
      } else {
        merged.add(new LocalTime[] {w[0], w[1]});
      }
    }
    return List.copyOf(merged);
  }

  private static String canonical(Map<DayOfWeek, List<LocalTime[]>> byDay) {
    List<String> entries = new ArrayList<>();
    byDay.forEach(
        (day, list) -> {
          for (LocalTime[] w : list) {
            entries.add(
                day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    + " "
                    + w[0]
                    + "-"
                    + (w[1].equals(END_OF_DAY) ? "24:00" : w[1].toString()));
          }
        });
    return String.join("; ", entries);
  }

  /** True when this places no restriction on posting. */
  public boolean always() {
    return windows.isEmpty();
  }

  /**
   * The normalised wire form (one entry per day and window, in weekday order); empty for always.
   */
  public String canonical() {
    return canonical;
  }

  /**
   * Whether a bot may post at {@code at}. A window runs from the first instant the wall clock of
   * {@code zone} shows its start to the first instant it shows its end: a start in a spring-forward
   * gap begins when the gap ends, and in a fall-back overlap a window runs on the first occurrence
   * of its times (a window across the whole repeated hour covers both).
   */
  public boolean contains(Instant at, ZoneId zone) {
    return always() || windowAt(at, zone).filter(w -> !w.start().isAfter(at)).isPresent();
  }

  /**
   * The window the bot posts in next: the one containing {@code at}, else the next one to start.
   * Empty for {@link #ALWAYS} and for a form with no window at all.
   */
  public Optional<Window> windowAt(Instant at, ZoneId zone) {
    if (windows.isEmpty()) {
      return Optional.empty();
    }
    LocalDate today = LocalDate.ofInstant(at, zone);
    // Eight days: today's later windows, the next six days, and today's weekday a week on.
    for (int d = -1; d <= 7; d++) {
      LocalDate date = today.plusDays(d);
      for (LocalTime[] w : windows.getOrDefault(date.getDayOfWeek(), List.of())) {
        Instant start = firstInstantAtOrAfter(date.atTime(w[0]), zone);
        Instant end =
            w[1].equals(END_OF_DAY)
                ? firstInstantAtOrAfter(date.plusDays(1).atStartOfDay(), zone)
                : firstInstantAtOrAfter(date.atTime(w[1]), zone);
        if (end.isAfter(at) && end.isAfter(start)) {
          return Optional.of(new Window(start, end));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The earliest instant at which the wall clock shows {@code local} or later: {@code local} itself
   * (its first occurrence in an overlap), or the end of the gap it falls in.
   */
  static Instant firstInstantAtOrAfter(LocalDateTime local, ZoneId zone) {
    ZoneOffsetTransition gap = zone.getRules().getTransition(local);
    if (gap != null && gap.isGap()) {
      return gap.getInstant();
    }
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }

  /**
   * The earliest instant at or after {@code at} at which the bot may post: {@code at} itself when
   * it is inside a window (or always), else the start of the next window. A form with no window at
   * all never yields one and answers {@code at} (the policy refuses such forms anyway).
   */
  public Instant nextAllowed(Instant at, ZoneId zone) {
    if (always() || contains(at, zone)) {
      return at;
    }
    return windowAt(at, zone).map(w -> w.start().isAfter(at) ? w.start() : at).orElse(at);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActiveHours other && canonical.equals(other.canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  @Override
  public String toString() {
    return canonical.isEmpty() ? "always" : canonical;
  }

  /** One window as instants: posting is allowed from {@code start} (inclusive) to {@code end}. */
  public record Window(Instant start, Instant end) {}
}
