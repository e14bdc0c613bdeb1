package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;

/**
 * A basket promotion a recent sale earned, kept so that a return which takes the basket under
 * its threshold takes its value back from the refund.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id the promotion's id
 * @param threshold the amount its lines had to reach
 * @param amountOff the amount it takes off (per full threshold when it repeats)
 * @param repeat whether it applies once per full threshold
 * @param clawedBack how much of it returns have taken back so far
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record HeldPromotion(String id, Money threshold, Money amountOff, boolean repeat,
    Money clawedBack) {

  public HeldPromotion {
    Check.notBlank("heldPromotion.id", id);
    Check.notNull("heldPromotion.threshold", threshold);
    Check.notNull("heldPromotion.amountOff", amountOff);
    Check.notNull("heldPromotion.clawedBack", clawedBack);
    notNegative("heldPromotion.threshold", threshold);
    notNegative("heldPromotion.amountOff", amountOff);
    notNegative("heldPromotion.clawedBack", clawedBack);
  }

  private static void notNegative(String field, Money amount) {
    if (amount.isNegative()) {
      throw new InvalidValueException(field, amount, "must not be negative");
    }
  }

  /** This promotion with {@code amount} taken back so far. */
  public HeldPromotion withClawedBack(Money amount) {
    return new HeldPromotion(id, threshold, amountOff, repeat, amount);
  }
}
