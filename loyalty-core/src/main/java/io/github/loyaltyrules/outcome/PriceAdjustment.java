package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One change to a line's total: which rule, what kind, the rate or the basket amount it applied,
 * the line total it applied to, and the change in fen (negative for a discount, positive when a
 * floor or cap gives part back).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param rule the rule or programme entry, e.g. {@code tier:DIAMOND}, {@code promotion:VIP-DAY}
 * @param kind what kind of adjustment
 * @param rate the rate applied, for rates; null for amounts
 * @param basketAmount for a basket promotion or voucher, the whole amount split over the lines;
 *     else null
 * @param base the line total it applied to
 * @param amount the change to the line total
 * @param note a few words for the cashier
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record PriceAdjustment(String rule, AdjustmentKind kind, @Nullable BigDecimal rate,
    @Nullable Money basketAmount, Money base, Money amount, String note) {

  public PriceAdjustment {
    Check.notBlank("adjustment.rule", rule);
    Check.notNull("adjustment.kind", kind);
    Check.notNull("adjustment.base", base);
    Check.notNull("adjustment.amount", amount);
  }
}
