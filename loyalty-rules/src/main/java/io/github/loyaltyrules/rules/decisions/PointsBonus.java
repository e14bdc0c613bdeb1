package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.rules.facts.PaidLine;
import org.apiguardian.api.API;

/**
 * Bonus points added to the sale's points, for one line or ({@code line} -1) for the basket.
 * Bonuses add up; they are part of the sale's lot (pending like it, revoked by a return in
 * proportion).
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 *
 * @param line the line's index, or -1 for the whole basket
 * @param source what the bonus is, e.g. {@code welcome-back}
 * @param points the points, at least 1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record PointsBonus(int line, String source, long points) implements Decision {
  public PointsBonus {
    Check.notBlank("PointsBonus.source", source);
    if (points < 1) {
      throw new InvalidValueException("PointsBonus.points", points, "must be at least 1");
    }
    if (line < -1) {
      throw new InvalidValueException("PointsBonus.line", line, "must be a line index or -1");
    }
  }

  /** {@code points} on {@code line}. */
  public static PointsBonus of(PaidLine line, String source, long points) {
    return new PointsBonus(line.index(), source, points);
  }

  /** {@code points} for the whole basket. */
  public static PointsBonus basket(String source, long points) {
    return new PointsBonus(-1, source, points);
  }
}
