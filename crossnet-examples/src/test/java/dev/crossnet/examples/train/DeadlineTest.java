package dev.crossnet.examples.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  @Test
  void aTimeLaterTodayIsToday() {
    assertThat(Deadline.next(LocalTime.of(23, 50), Instant.parse("2026-12-06T23:20:00Z")))
        .isEqualTo(Instant.parse("2026-12-06T23:50:00Z"));
  }

  @Test
  void aTimeThatHasPassedTodayIsTomorrow() {
    assertThat(Deadline.next(LocalTime.of(0, 50), Instant.parse("2026-12-06T23:20:00Z")))
        .isEqualTo(Instant.parse("2026-12-07T00:50:00Z"));
  }

  @Test
  void aDeadlinePastMidnightDoesNotStopARunStartedBeforeIt() {
    Clock evening = Clock.fixed(Instant.parse("2026-12-06T23:20:00Z"), ZoneOffset.UTC);
    assertThat(Deadline.stopAfter(LocalTime.of(0, 50), evening).getAsBoolean()).isFalse();
    assertThat(Deadline.stopAfter(null).getAsBoolean()).isFalse();
  }

  @Test
  void theStopSignalTurnsTrueOnceTheClockPassesTheDeadline() {
    MovingClock clock = new MovingClock(Instant.parse("2026-12-06T23:20:00Z"));
    var stop = Deadline.stopAfter(LocalTime.of(0, 50), clock);
    clock.now = Instant.parse("2026-12-07T00:49:00Z");
    assertThat(stop.getAsBoolean()).isFalse();
    clock.now = Instant.parse("2026-12-07T00:51:00Z");
    assertThat(stop.getAsBoolean()).isTrue();
  }

  private static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
