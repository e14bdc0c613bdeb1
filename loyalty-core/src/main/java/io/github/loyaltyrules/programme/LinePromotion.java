package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.internal.Check;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * A line promotion (pricing phase 3), e.g. a VIP sale day (专场) with an extra rate on top of the
 * member rate, or a category promotion.
 *
 * <p>Promotions in the same {@code group} exclude each other: only the one with the lowest rate
 * applies (ties by {@code priority}, higher first, then id). Promotions of different groups
 * stack, their rates multiplying. A promotion that does not stack with the member rate competes
 * with it instead: the line gets whichever price is lower.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id a unique name shown in the explanation
 * @param priority higher wins ties; 0 when absent
 * @param match the lines it applies to; every line when absent
 * @param rate the share of the price paid, e.g. 0.90 for 10 % off; above 0 and at most 1
 * @param group promotions of one group exclude each other; the id when absent (stacks with all
 *     others)
 * @param stacksWithMemberRate whether it applies on top of the member rate (true) or competes
 *     with it (false, the default)
 * @param markdownStackingMinimum applies to a marked-down line only when its sale price is at
 *     least this share of the list price; the programme's pricing default when absent
 * @param from first day it applies, in the programme's zone; no start when absent
 * @param to last day it applies; no end when absent
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record LinePromotion(String id, Integer priority, LineMatch match, BigDecimal rate,
    String group, boolean stacksWithMemberRate, BigDecimal markdownStackingMinimum,
    LocalDate from, LocalDate to) {

  public LinePromotion {
    Check.notBlank("pricing.promotions.id", id);
    priority = priority == null ? 0 : priority;
    match = match == null ? LineMatch.ANY : match;
    PricingPolicy.checkRate("pricing.promotions[" + id + "].rate", rate);
    group = group == null || group.isBlank() ? id : group;
    if (markdownStackingMinimum != null) {
      PricingPolicy.checkShare("pricing.promotions[" + id + "].markdownStackingMinimum",
          markdownStackingMinimum);
    }
    Check.dateRange("pricing.promotions[" + id + "]", from, to);
  }

  /** Whether it applies on {@code date}. */
  public boolean isOn(LocalDate date) {
    return Check.within(date, from, to);
  }
}
