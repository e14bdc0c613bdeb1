package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.programme.PointsMultiplier;
import io.github.loyaltyrules.programme.Tier;
import io.github.loyaltyrules.rules.facts.PaidLine;
import java.math.BigDecimal;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A points factor for one line. The tier's factor ({@code tier} true) always multiplies; the
 * other factors of a line combine as the programme says ({@code points.combine}: the highest
 * wins, ties by priority then source, or all multiply).
 *
 * <p>Phase {@code points}. Thread-safety: immutable, safe to share.
 *
 * @param line the line's index ({@link PaidLine#index()})
 * @param source what the factor is, e.g. {@code knitwear-week}; the explanation shows it
 * @param factor the factor, over 0
 * @param priority among several, the higher first
 * @param tier whether it is the member's tier factor
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record PointsFactor(int line, String source, BigDecimal factor, int priority,
    boolean tier) implements Decision {
  public PointsFactor {
    Check.notBlank("PointsFactor.source", source);
    Check.notNull("PointsFactor.factor", factor);
    if (factor.signum() <= 0) {
      throw new InvalidValueException("PointsFactor.factor", factor, "must be over 0");
    }
  }

  /** {@code factor} from {@code source} on {@code line}, priority 0. */
  public static PointsFactor of(PaidLine line, String source, BigDecimal factor) {
    return new PointsFactor(line.index(), source, factor, 0, false);
  }

  /** {@code factor} from {@code source} on {@code line}, priority 0. */
  public static PointsFactor of(PaidLine line, String source, long factor) {
    return of(line, source, BigDecimal.valueOf(factor));
  }

  /** The programme's multiplier {@code m} on {@code line}. */
  public static PointsFactor of(PaidLine line, PointsMultiplier m) {
    return new PointsFactor(line.index(), m.id(), m.factor(), m.priority(), false);
  }

  /** This factor at {@code priority}: among factors that compete, the higher first. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public PointsFactor withPriority(int priority) {
    return new PointsFactor(line, source, factor, priority, tier);
  }

  /** The tier's points multiplier on {@code line}. */
  public static PointsFactor ofTier(PaidLine line, Tier tier) {
    return new PointsFactor(line.index(), tierSource(tier), tier.pointsMultiplier(), 0, true);
  }

  /**
   * {@code "tier:" + tier.code()}, kept for the last tier asked for: every line of a sale asks
   * for the member's tier (an immutable holder, read whole by any thread).
   */
  @SuppressWarnings("ReferenceEquality") // the programme's tier object, not an equal one
  private static String tierSource(Tier tier) {
    TierSource known = lastTierSource;
    if (known == null || known.tier() != tier) {
      known = new TierSource(tier, "tier:" + tier.code());
      lastTierSource = known;
    }
    return known.source();
  }

  private record TierSource(Tier tier, String source) {}

  private static volatile @Nullable TierSource lastTierSource;
}
