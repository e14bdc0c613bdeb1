package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.programme.BasketPromotion;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * An amount off the basket (满减, phase 4 of pricing): when {@code lines} come to at least
 * {@code threshold} at sale prices, {@code amountOff} (times the full thresholds reached, with
 * {@code repeat}) is split over them by largest remainder in fen, never below a line's floor.
 * Several apply in order of priority, then id.
 *
 * <p>Phase {@code pricing}. Thread-safety: immutable, safe to share.
 *
 * @param id the promotion's id; the receipt shows {@code basket-promotion:id}
 * @param lines the indexes of the lines it counts and discounts; all when empty
 * @param threshold the sale-price total the lines must reach
 * @param amountOff what comes off
 * @param repeat whether it applies per full threshold
 * @param priority the higher first
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record BasketAmountOff(String id, List<Integer> lines, BigDecimal threshold,
    BigDecimal amountOff, boolean repeat, int priority) implements Decision {
  public BasketAmountOff {
    Check.notBlank("BasketAmountOff.id", id);
    lines = List.copyOf(new TreeSet<>(Check.list("BasketAmountOff.lines", lines)));
    Check.notNull("BasketAmountOff.threshold", threshold);
    Check.notNull("BasketAmountOff.amountOff", amountOff);
    if (threshold.signum() <= 0) {
      throw new InvalidValueException("BasketAmountOff.threshold", threshold, "must be over 0");
    }
    if (amountOff.signum() <= 0) {
      throw new InvalidValueException("BasketAmountOff.amountOff", amountOff, "must be over 0");
    }
  }

  /** The programme's basket promotion {@code p} over {@code lines} (all when empty). */
  public static BasketAmountOff of(BasketPromotion p, List<Integer> lines) {
    return new BasketAmountOff(p.id(), lines, p.threshold(), p.amountOff(), p.repeat(),
        p.priority());
  }
}
