package io.github.loyaltyrules.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock the example moves forward by hand, so a few months of shop life run in a second.
 * Thread-safe: the instant is volatile.
 */
final class SimulatedClock extends Clock {
  private final ZoneId zone;
  private volatile Instant now;

  SimulatedClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  void set(Instant instant) {
    this.now = instant;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    SimulatedClock c = new SimulatedClock(now, newZone);
    return c;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
