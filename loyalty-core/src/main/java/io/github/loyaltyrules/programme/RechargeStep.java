package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.math.BigDecimal;
import org.apiguardian.api.API;

/**
 * A step of the recharge ladder (DOMAIN.md §2): a recharge of at least {@code amount} earns
 * {@code points}, available at once, and the storewide {@code memberRate} for paying with stored
 * value (recharge 3,000 → 3,000 points and 90 %; 5,000 → 5,000 points and 88 %).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param amount the least recharge that reaches this step
 * @param points points earned, available at once
 * @param memberRate the price factor for the member afterwards (0.90 means 90 % of the price)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record RechargeStep(BigDecimal amount, long points, BigDecimal memberRate) {

  public RechargeStep {
    Check.nonNegative("points.rechargeLadder.amount", amount);
    if (points < 0) {
      throw new InvalidValueException("points.rechargeLadder.points", points,
          "must not be negative");
    }
    Check.nonNegative("points.rechargeLadder.memberRate", memberRate);
    if (memberRate.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException("points.rechargeLadder.memberRate",
          memberRate.toPlainString(), "must be at most 1 (0.90 means 90 % of the price)");
    }
  }
}
