package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import org.apiguardian.api.API;

/**
 * One returned line of a refund: the units brought back and what was paid for them.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param sku the SKU returned
 * @param quantity units returned
 * @param amount what was paid for those units
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record RefundedLine(String sku, int quantity, Money amount) {

  public RefundedLine {
    Check.notBlank("refundedLine.sku", sku);
    Check.notNull("refundedLine.amount", amount);
  }
}
