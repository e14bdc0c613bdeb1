package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a basket costs, line by line, after every pricing phase (DOMAIN.md §3). The line totals
 * sum to {@code total} exactly, and each line's adjustments (negative for discounts) sum to its
 * {@code total − saleTotal} exactly.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param rule the rule that priced it
 * @param reason a one-line summary for the cashier
 * @param lines the priced lines, in the transaction's order
 * @param listTotal the basket at list prices
 * @param saleTotal the basket at sale prices (after markdowns, before phases 2 to 4)
 * @param vouchers the part paid with vouchers (phase 4), included in the lines' adjustments
 * @param total what is left to pay with other tenders
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record BasketPriced(String rule, String reason, List<PricedLine> lines, Money listTotal,
    Money saleTotal, Money vouchers, Money total) implements Effect {

  public BasketPriced {
    lines = Check.list("basketPriced.lines", lines);
  }

  /** The discounts of phases 2 to 4 (vouchers not included). */
  public Money discount() {
    return saleTotal.minus(total).minus(vouchers);
  }
}
