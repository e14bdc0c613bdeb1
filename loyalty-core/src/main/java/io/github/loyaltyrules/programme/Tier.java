package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.math.BigDecimal;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One rung of the programme's tier ladder (DOMAIN.md §1).
 *
 * <p>Evolution: a tier may gain components in a minor version, and its canonical constructor a
 * parameter with them. Build tiers in code with {@link #builder(String, int, BigDecimal)} and
 * change them with {@link #toBuilder()}; code written that way keeps compiling.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param code stable identifier used in member state and rules, e.g. {@code GOLD}
 * @param rank position on the ladder; higher is better; unique within a programme
 * @param name display name for the shop floor, e.g. "Gold card"
 * @param qualifyingSpend spend within one qualification window that reaches this tier, in the
 *     programme's currency; 0 when absent (a programme that qualifies on points need not give
 *     it, and then only the watch lists and the advisor read it)
 * @param memberRate share of the price the member pays, in (0, 1]: 0.90 means 90 % ("9折")
 * @param pointsMultiplier points earned per point of the base rate, at least 0; 1 when absent
 * @param retentionSpend spend within a window that keeps this tier at the window's end; the
 *     qualifying spend when absent
 * @param qualifyingPoints points earned within one window that reach this tier, when the
 *     programme qualifies on points ({@code qualification.basis} POINTS, where every tier needs
 *     it); null otherwise
 * @param retentionPoints points earned within a window that keep this tier at the window's end;
 *     the qualifying points when absent
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Tier(String code, int rank, String name, BigDecimal qualifyingSpend,
    BigDecimal memberRate, BigDecimal pointsMultiplier, BigDecimal retentionSpend,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") @Nullable Long qualifyingPoints,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") @Nullable Long retentionPoints) {

  public Tier {
    Check.notBlank("tier.code", code);
    checkRank(rank);
    name = name == null || name.isBlank() ? code : name;
    qualifyingSpend = qualifyingSpend == null ? BigDecimal.ZERO : qualifyingSpend;
    Check.nonNegative("tier.qualifyingSpend", qualifyingSpend);
    memberRate = memberRate == null ? BigDecimal.ONE : checkMemberRate(memberRate);
    pointsMultiplier = pointsMultiplier == null ? BigDecimal.ONE : pointsMultiplier;
    Check.nonNegative("tier.pointsMultiplier", pointsMultiplier);
    retentionSpend = retentionSpend == null ? qualifyingSpend : retentionSpend;
    Check.nonNegative("tier.retentionSpend", retentionSpend);
    checkPoints("tier.qualifyingPoints", qualifyingPoints);
    retentionPoints = retentionPoints == null ? qualifyingPoints : retentionPoints;
    checkPoints("tier.retentionPoints", retentionPoints);
    if (retentionPoints != null && qualifyingPoints == null) {
      throw new InvalidValueException("tier.retentionPoints", retentionPoints,
          "needs qualifyingPoints too: a tier is kept on points only when it is reached on"
              + " points");
    }
  }

  /** A tier qualified for on spend, as version 0.5 had it. */
  public Tier(String code, int rank, String name, BigDecimal qualifyingSpend,
      BigDecimal memberRate, BigDecimal pointsMultiplier, BigDecimal retentionSpend) {
    this(code, rank, name, qualifyingSpend, memberRate, pointsMultiplier, retentionSpend, null,
        null);
  }

  private static @Nullable Long checkPoints(String field, @Nullable Long points) {
    if (points != null && (points < 0 || points > MAX_POINTS)) {
      throw new InvalidValueException(field, points, "must be from 0 to " + MAX_POINTS);
    }
    return points;
  }

  /** The most points a tier's threshold may ask for. */
  private static final long MAX_POINTS = 1_000_000_000_000_000L;

  private static int checkRank(int rank) {
    if (rank < 0) {
      throw new InvalidValueException("tier.rank", rank, "must be 0 or more");
    }
    return rank;
  }

  private static BigDecimal checkMemberRate(BigDecimal memberRate) {
    if (memberRate.signum() <= 0 || memberRate.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException("tier.memberRate", memberRate.toPlainString(),
          "must be above 0 and at most 1 (0.95 means the member pays 95 % of the price)");
    }
    return memberRate;
  }

  /**
   * A builder for the tier {@code code} at {@code rank}, reached with {@code qualifyingSpend}:
   * the member rate and points multiplier are 1 and the retention spend is the qualifying spend
   * unless set.
   *
   * @throws InvalidValueException at once when the code is blank, the rank negative or the
   *     spend null or negative
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static Builder builder(String code, int rank, BigDecimal qualifyingSpend) {
    return new Builder(code, rank, qualifyingSpend);
  }

  /** A builder holding this tier's components, to change some of them. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public Builder toBuilder() {
    Builder b = new Builder(code, rank, qualifyingSpend);
    b.name = name;
    b.memberRate = memberRate;
    b.pointsMultiplier = pointsMultiplier;
    b.retentionSpend = retentionSpend;
    b.qualifyingPoints = qualifyingPoints;
    b.retentionPoints = retentionPoints;
    return b;
  }

  /**
   * Builds a {@link Tier}; each setter checks its value at once and fails with an
   * {@link InvalidValueException} naming the field and the value.
   *
   * <p>Thread-safety: not thread-safe; the tier it builds is immutable.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static final class Builder {
    private final String code;
    private final int rank;
    private final BigDecimal qualifyingSpend;
    private @Nullable String name;
    private @Nullable BigDecimal memberRate;
    private @Nullable BigDecimal pointsMultiplier;
    private @Nullable BigDecimal retentionSpend;
    private @Nullable Long qualifyingPoints;
    private @Nullable Long retentionPoints;

    private Builder(String code, int rank, BigDecimal qualifyingSpend) {
      this.code = Check.notBlank("tier.code", code);
      this.rank = checkRank(rank);
      this.qualifyingSpend = Check.nonNegative("tier.qualifyingSpend", qualifyingSpend);
    }

    /** The display name for the shop floor; the code when blank. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Share of the price the member pays, in (0, 1]: 0.90 means 90 %. */
    public Builder memberRate(BigDecimal memberRate) {
      this.memberRate = checkMemberRate(Check.notNull("tier.memberRate", memberRate));
      return this;
    }

    /** Points earned per point of the base rate, at least 0. */
    public Builder pointsMultiplier(BigDecimal pointsMultiplier) {
      this.pointsMultiplier = Check.nonNegative("tier.pointsMultiplier", pointsMultiplier);
      return this;
    }

    /** Spend within a window that keeps this tier at the window's end, at least 0. */
    public Builder retentionSpend(BigDecimal retentionSpend) {
      this.retentionSpend = Check.nonNegative("tier.retentionSpend", retentionSpend);
      return this;
    }

    /** Points earned within one window that reach this tier, at least 0. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.6")
    public Builder qualifyingPoints(long points) {
      this.qualifyingPoints = checkPoints("tier.qualifyingPoints", points);
      return this;
    }

    /** Points earned within a window that keep this tier, at least 0. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.6")
    public Builder retentionPoints(long points) {
      this.retentionPoints = checkPoints("tier.retentionPoints", points);
      return this;
    }

    /** The tier, checked as the canonical constructor checks it. */
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public Tier build() {
      return new Tier(code, rank, name, qualifyingSpend, memberRate, pointsMultiplier,
          retentionSpend, qualifyingPoints, retentionPoints);
    }
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
