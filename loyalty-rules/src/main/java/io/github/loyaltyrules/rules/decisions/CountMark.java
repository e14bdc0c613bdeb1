package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.model.Mark;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Adds {@code by} to the count of the mark {@code name} ({@link Mark}); a mark the member does
 * not hold starts from 0, so the first count sets it with count {@code by}. With a
 * {@code date}, the mark takes that date; without one, it keeps the date it had.
 *
 * <p>Any phase; settled at the end of the phase that decided it, after that phase's clears and
 * sets of the same name; the counts of several rules add up (equal decisions of one rule count
 * once). A count past {@link Mark#MAX_COUNT} fails the evaluation with an error naming the rule.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param name the mark's name: letters and digits, with {@code . _ : -} after the first
 * @param date the date the mark takes, or null to keep the one it has
 * @param by how much to add, from 1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.6")
public record CountMark(String name, @Nullable LocalDate date, int by) implements Decision {
  public CountMark {
    Mark.checkName("CountMark.name", name);
    if (by < 1 || by > Mark.MAX_COUNT) {
      throw new InvalidValueException("CountMark.by", by, "must be from 1 to " + Mark.MAX_COUNT);
    }
  }

  /** One more on the mark {@code name}, its date kept. */
  public static CountMark of(String name) {
    return new CountMark(name, null, 1);
  }

  /** One more on the mark {@code name}, which takes {@code date}. */
  public static CountMark on(String name, LocalDate date) {
    return new CountMark(name, date, 1);
  }
}
