package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import java.util.List;
import org.apiguardian.api.API;

/**
 * How a sale's points were computed, line by line: the amount paid that earns, the multipliers
 * that applied, bonus points, and the points before the final rounding.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param rule the rule that computed them
 * @param reason a one-line summary
 * @param lines one entry per line of the sale, in order
 * @param points the points the sale earns, after rounding and before any debt is repaid
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PointsCalculated(String rule, String reason, List<LinePoints> lines, long points)
    implements Effect {

  public PointsCalculated {
    lines = Check.list("pointsCalculated.lines", lines);
  }
}
