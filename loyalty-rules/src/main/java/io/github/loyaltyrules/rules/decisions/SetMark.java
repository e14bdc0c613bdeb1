package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.model.Mark;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Sets a mark the member's state keeps ({@link Mark}): the mark {@code name} now holds
 * {@code date} and {@code count}, whatever it held before. Later evaluations match it as a fact,
 * {@code Mark( name == "big-first-purchase" )}, until a rule clears it ({@link ClearMark}).
 *
 * <p>Any phase; settled at the end of the phase that decided it, so the phases after see the
 * mark (docs/RULES.md, "Marks"). Several sets of one name in a phase: the highest count wins,
 * then the latest date, then the first rule by name; the others are not applied. A set that
 * leaves the mark as it was records nothing. A mark past the programme's {@code limits.maxMarks}
 * or {@code limits.maxMarkNameLength} fails the evaluation with an error naming the rule.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param name the mark's name: letters and digits, with {@code . _ : -} after the first
 * @param date a date to keep with it (e.g. the day it was set), or null
 * @param count the count it holds, from 1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public record SetMark(String name, @Nullable LocalDate date, int count) implements Decision {
  public SetMark {
    Mark.checkName("SetMark.name", name);
    if (count < 1 || count > Mark.MAX_COUNT) {
      throw new InvalidValueException("SetMark.count", count,
          "must be from 1 to " + Mark.MAX_COUNT);
    }
  }

  /** The mark {@code name}, without a date, count 1: "this happened". */
  public static SetMark of(String name) {
    return new SetMark(name, null, 1);
  }

  /** The mark {@code name} with {@code date} (e.g. {@code Today}'s date), count 1. */
  public static SetMark on(String name, LocalDate date) {
    return new SetMark(name, date, 1);
  }

  /** The mark {@code name} with {@code date} (or null) and {@code count}. */
  public static SetMark of(String name, @Nullable LocalDate date, int count) {
    return new SetMark(name, date, count);
  }
}
