package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.math.BigDecimal;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How customers get a card (DOMAIN.md §1). With a zero fee (the default) the first purchase of
 * any amount issues a points card. With a fee, the card is sold at that fee, or given free when
 * one purchase has at least {@code freeWithItems} items; without a card the customer earns
 * nothing.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param fee the card's price in the programme's currency; 0 when absent
 * @param freeWithItems items in one purchase that earn the card free; null means never
 * @param issueOnRecharge whether a recharge of stored value issues a card; true when absent
 * @param numberPrefix prefix of generated card numbers ({@code prefix + member id}); "LR" when
 *     absent
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CardPolicy(BigDecimal fee, @Nullable Integer freeWithItems, Boolean issueOnRecharge,
    String numberPrefix) {

  /** A free points card at the first purchase. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static final CardPolicy FREE = new CardPolicy(null, null, null, null);

  public CardPolicy {
    fee = fee == null ? BigDecimal.ZERO : fee;
    Check.nonNegative("cards.fee", fee);
    if (freeWithItems != null && freeWithItems < 1) {
      throw new InvalidValueException("cards.freeWithItems", freeWithItems,
          "must be at least 1, or absent when the card is never free");
    }
    issueOnRecharge = issueOnRecharge == null ? Boolean.TRUE : issueOnRecharge;
    numberPrefix = numberPrefix == null ? "LR" : numberPrefix;
  }

  /** Whether the card has a price. */
  public boolean isPaid() {
    return fee.signum() > 0;
  }
}
