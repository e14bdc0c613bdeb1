package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.programme.LinePromotion;
import io.github.loyaltyrules.rules.facts.SaleLine;
import java.math.BigDecimal;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A promotion's rate for one line (phase 3 of pricing). Of the promotions of one {@code group}
 * on a line the lowest rate wins (then the higher priority, then the id); the others are listed
 * as not applied. The winners that {@code stacksWithMemberRate} multiply onto the member rate;
 * the others compete with it, and the lower price wins. A {@code floor} holds the line at that
 * share of its list price whatever the promotion takes off. A promotion that
 * {@code stopsLaterOnes} applies, and the promotions after it (lower priority, then later id) do
 * not: they are listed as not applied.
 *
 * <p>Phase {@code pricing}. Thread-safety: immutable, safe to share.
 *
 * @param line the line's index
 * @param id the promotion's id; the receipt shows {@code promotion:id}
 * @param rate the share of the price paid, at least 0 and under 1
 * @param group promotions of one group exclude each other; the id when alone
 * @param stacksWithMemberRate whether it applies on top of the member rate
 * @param priority among equal rates of a group, the higher first
 * @param floor the least share of the list price the line may cost with it; null for none
 * @param stopsLaterOnes whether the promotions after it on the line no longer apply
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record PromotionRate(int line, String id, BigDecimal rate, String group,
    boolean stacksWithMemberRate, int priority, @Nullable BigDecimal floor, boolean stopsLaterOnes)
    implements Decision {
  public PromotionRate {
    Check.notBlank("PromotionRate.id", id);
    Check.notNull("PromotionRate.rate", rate);
    if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
      throw new InvalidValueException("PromotionRate.rate", rate, "must be from 0 to under 1");
    }
    group = group == null ? id : group;
    if (floor != null && (floor.signum() < 0 || floor.compareTo(BigDecimal.ONE) > 0)) {
      throw new InvalidValueException("PromotionRate.floor", floor, "must be from 0 to 1");
    }
  }

  /** The programme's promotion {@code p} on {@code line}. */
  public static PromotionRate of(SaleLine line, LinePromotion p) {
    return new PromotionRate(line.index(), p.id(), p.rate(), p.group(), p.stacksWithMemberRate(),
        p.priority(), null, false);
  }

  /** A promotion of the retailer's own: {@code rate} for {@code line}, in its own group. */
  public static PromotionRate of(SaleLine line, String id, BigDecimal rate,
      boolean stacksWithMemberRate) {
    return new PromotionRate(line.index(), id, rate, id, stacksWithMemberRate, 0, null, false);
  }

  /** This promotion, holding the line at {@code share} of its list price at the least. */
  public PromotionRate withFloor(BigDecimal share) {
    return new PromotionRate(line, id, rate, group, stacksWithMemberRate, priority, share,
        stopsLaterOnes);
  }

  /**
   * This promotion in {@code group}: of the promotions of one group on a line only the lowest
   * rate applies.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public PromotionRate inGroup(String group) {
    return new PromotionRate(line, id, rate, Check.notBlank("PromotionRate.group", group),
        stacksWithMemberRate, priority, floor, stopsLaterOnes);
  }

  /** This promotion at {@code priority} (the higher first). */
  public PromotionRate withPriority(int priority) {
    return new PromotionRate(line, id, rate, group, stacksWithMemberRate, priority, floor,
        stopsLaterOnes);
  }

  /** This promotion, after which the later ones on the line do not apply. */
  public PromotionRate stoppingLaterOnes() {
    return new PromotionRate(line, id, rate, group, stacksWithMemberRate, priority, floor, true);
  }
}
