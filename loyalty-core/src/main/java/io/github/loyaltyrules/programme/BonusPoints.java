package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;

/**
 * Fixed points per unit bought of matching lines, on top of the points on the amount paid.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id a unique name shown in the explanation
 * @param match the lines it applies to
 * @param pointsPerUnit points for each unit bought
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record BonusPoints(String id, LineMatch match, long pointsPerUnit) {

  public BonusPoints {
    Check.notBlank("points.bonuses.id", id);
    match = match == null ? LineMatch.ANY : match;
    if (pointsPerUnit < 0) {
      throw new InvalidValueException("points.bonuses[" + id + "].pointsPerUnit", pointsPerUnit,
          "must not be negative");
    }
  }
}
