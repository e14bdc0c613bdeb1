package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a return refunds (DOMAIN.md §3): for each returned unit what was actually paid for it,
 * from the original sale's stored allocation, less any basket promotion whose threshold the
 * goods kept no longer reach. Returns of sales the member state no longer remembers refund the
 * prices on the return's lines, and say so.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param rule the rule that computed it
 * @param reason a one-line summary for the cashier
 * @param originalSaleId the sale the goods came from
 * @param lines the returned lines and what each refunds
 * @param clawedBack basket promotions taken back from this refund (negative when a later return
 *     gives back what an earlier one took)
 * @param refund what the customer gets back: the lines less {@code clawedBack}
 * @param fromAllocation whether the amounts come from the sale's stored allocation
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record RefundCalculated(String rule, String reason, @Nullable String originalSaleId,
    List<RefundedLine> lines, Money clawedBack, @Nullable Money refund, boolean fromAllocation)
    implements Effect {

  public RefundCalculated {
    lines = Check.list("refundCalculated.lines", lines);
  }
}
