package dev.crossnet.examples.train;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.BooleanSupplier;

/**
 * A training command's {@code --deadline HH:MM} (UTC): the first moment with that time of day from when the command
 * starts, so a deadline past midnight lies tomorrow rather than in the past.
 */
final class Deadline {

  private Deadline() {}

  /** A stop signal that turns true once the clock passes the next {@code time} (never when it is null). */
  static BooleanSupplier stopAfter(LocalTime time) {
    return stopAfter(time, Clock.systemUTC());
  }

  static BooleanSupplier stopAfter(LocalTime time, Clock clock) {
    if (time == null) {
      return () -> false;
    }
    Instant at = next(time, clock.instant());
    return () -> clock.instant().isAfter(at);
  }

  /** The first instant at or after {@code now} whose UTC time of day is {@code time}. */
  static Instant next(LocalTime time, Instant now) {
    ZonedDateTime today = now.atZone(ZoneOffset.UTC).with(time);
    return today.toInstant().isBefore(now) ? today.plusDays(1).toInstant() : today.toInstant();
  }
}
