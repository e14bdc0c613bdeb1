package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.math.BigDecimal;
import org.apiguardian.api.API;

/**
 * One rung of the programme's tier ladder (DOMAIN.md §1).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param code stable identifier used in member state and rules, e.g. {@code GOLD}
 * @param rank position on the ladder; higher is better; unique within a programme
 * @param name display name for the shop floor, e.g. "Gold card"
 * @param qualifyingSpend spend within one qualification window that reaches this tier, in the
 *     programme's currency
 * @param memberRate share of the price the member pays, in (0, 1]: 0.90 means 90 % ("9折")
 * @param pointsMultiplier points earned per point of the base rate, at least 0; 1 when absent
 * @param retentionSpend spend within a window that keeps this tier at the window's end; the
 *     qualifying spend when absent
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Tier(String code, int rank, String name, BigDecimal qualifyingSpend,
    BigDecimal memberRate, BigDecimal pointsMultiplier, BigDecimal retentionSpend) {

  public Tier {
    Check.notBlank("tier.code", code);
    if (rank < 0) {
      throw new InvalidValueException("tier.rank", rank, "must be 0 or more");
    }
    name = name == null || name.isBlank() ? code : name;
    Check.nonNegative("tier.qualifyingSpend", qualifyingSpend);
    memberRate = memberRate == null ? BigDecimal.ONE : memberRate;
    if (memberRate.signum() <= 0 || memberRate.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException("tier.memberRate", memberRate.toPlainString(),
          "must be above 0 and at most 1 (0.95 means the member pays 95 % of the price)");
    }
    pointsMultiplier = pointsMultiplier == null ? BigDecimal.ONE : pointsMultiplier;
    Check.nonNegative("tier.pointsMultiplier", pointsMultiplier);
    retentionSpend = retentionSpend == null ? qualifyingSpend : retentionSpend;
    Check.nonNegative("tier.retentionSpend", retentionSpend);
  }

  /** Whether this tier ranks above {@code other}. */
  public boolean isAbove(Tier other) {
    return rank > other.rank;
  }

  /** For example {@code GOLD (Gold card)}. */
  @Override
  public String toString() {
    return code.equals(name) ? code : code + " (" + name + ")";
  }
}
