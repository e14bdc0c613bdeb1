package io.github.loyaltyrules.testkit;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.followup.FollowUpKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a scenario expects. Only what is stated is compared: a null field, or an empty list,
 * states nothing. Not API: the file format is the API (docs/SCENARIOS.md).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param lines per line index, what the line is expected to cost; an element may be null or
 *     state nothing, to skip a line
 * @param total what is left to pay for the basket
 * @param points points earned and the balances after
 * @param tier the tier code after
 * @param followUps follow-ups expected among those scheduled
 * @param noFollowUps kinds of which no follow-up may be scheduled
 * @param refused text the refusal's message contains; the only expectation when given
 * @param firedRules names of rules expected to fire
 * @param notFiredRules names of rules expected not to fire
 */
record Expectations(List<LineExpectation> lines, @Nullable BigDecimal total,
    @Nullable PointsExpectation points,
    @Nullable String tier, List<FollowUpExpectation> followUps, List<FollowUpKind> noFollowUps,
    @Nullable String refused, List<String> firedRules, List<String> notFiredRules) {

  Expectations {
    lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
    followUps = copy("expect.followUps", followUps);
    noFollowUps = copy("expect.noFollowUps", noFollowUps);
    firedRules = copy("expect.firedRules", firedRules);
    notFiredRules = copy("expect.notFiredRules", notFiredRules);
    if (tier != null && tier.isBlank()) {
      throw new InvalidValueException("expect.tier", tier, "must be a tier code");
    }
    if (refused != null && refused.isBlank()) {
      throw new InvalidValueException("expect.refused", refused,
          "must be text the refusal's message contains");
    }
    if (refused != null && statesMoreThanRefusal(lines, total, points, tier, followUps,
        noFollowUps, firedRules, notFiredRules)) {
      throw new InvalidValueException("expect.refused", refused,
          "is the only expectation of a refused transaction, which changes nothing");
    }
    if (refused == null && !statesMoreThanRefusal(lines, total, points, tier, followUps,
        noFollowUps, firedRules, notFiredRules)) {
      throw new InvalidValueException("expect", "{}", "states nothing to compare");
    }
  }

  private static boolean statesMoreThanRefusal(List<LineExpectation> lines,
      @Nullable BigDecimal total,
      @Nullable PointsExpectation points, @Nullable String tier,
      List<FollowUpExpectation> followUps,
      List<FollowUpKind> noFollowUps, List<String> firedRules, List<String> notFiredRules) {
    boolean anyLine = lines.stream().anyMatch(l -> l != null && l.paid() != null);
    return anyLine || total != null || points != null || tier != null || !followUps.isEmpty()
        || !noFollowUps.isEmpty() || !firedRules.isEmpty() || !notFiredRules.isEmpty();
  }

  private static <T> List<T> copy(String field, List<T> list) {
    if (list == null) {
      return List.of();
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new InvalidValueException(field + "[" + i + "]", null, "is required");
      }
    }
    return List.copyOf(list);
  }

  /**
   * One line of the basket.
   *
   * @param paid what the line costs after every pricing phase, or null to state nothing
   */
  record LineExpectation(@Nullable BigDecimal paid) {}

  /**
   * Points of the outcome; a null field states nothing.
   *
   * @param earned the points the sale earns (0 when nothing was calculated)
   * @param available available points after
   * @param pending pending points after
   */
  record PointsExpectation(@Nullable Long earned, @Nullable Long available,
      @Nullable Long pending) {
    PointsExpectation {
      if (earned == null && available == null && pending == null) {
        throw new InvalidValueException("expect.points", "{}",
            "states nothing: give earned, available or pending");
      }
    }
  }

  /**
   * A follow-up expected among those the outcome scheduled; a null field states nothing.
   *
   * @param kind the kind, required
   * @param due the day it is due
   * @param from the start of its window
   * @param to the end of its window
   * @param associate the associate who makes it
   */
  record FollowUpExpectation(FollowUpKind kind, @Nullable LocalDate due, @Nullable LocalTime from,
      @Nullable LocalTime to,
      @Nullable String associate) {
    FollowUpExpectation {
      if (kind == null) {
        throw new InvalidValueException("followUp.kind", null, "is required");
      }
    }
  }
}
