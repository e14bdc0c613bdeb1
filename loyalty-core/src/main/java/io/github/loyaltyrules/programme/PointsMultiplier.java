package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.internal.Check;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * A points multiplier on matching lines, optionally for a date range (a campaign). When several
 * match one line the programme's {@link MultiplierCombination} decides; {@code priority} orders
 * them (higher first) and breaks ties, then the id: never the order of editing.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id a unique name shown in the explanation
 * @param priority higher goes first; 0 when absent
 * @param match the lines it applies to; every line when absent
 * @param factor the multiplier, e.g. 2 for double points; 0 gives no points
 * @param from first day it applies, in the programme's zone; no start when absent
 * @param to last day it applies; no end when absent
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PointsMultiplier(String id, Integer priority, LineMatch match, BigDecimal factor,
    LocalDate from, LocalDate to) {

  public PointsMultiplier {
    Check.notBlank("points.multipliers.id", id);
    priority = priority == null ? 0 : priority;
    match = match == null ? LineMatch.ANY : match;
    Check.nonNegative("points.multipliers[" + id + "].factor", factor);
    Check.dateRange("points.multipliers[" + id + "]", from, to);
  }

  /** Whether it applies on {@code date}. */
  public boolean isOn(LocalDate date) {
    return Check.within(date, from, to);
  }
}
