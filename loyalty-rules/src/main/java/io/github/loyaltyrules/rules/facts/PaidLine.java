package io.github.loyaltyrules.rules.facts;

import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Money;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One line of a priced sale with what the customer pays for it: inserted after prices are
 * settled, for the {@code points}, {@code tiers} and {@code follow-ups} phases.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param index the line's position in the sale, from 0
 * @param sku the stock-keeping unit
 * @param category the merchandise category; may be null
 * @param tags the line's tags
 * @param quantity units
 * @param listPrice the list price of one unit
 * @param salePrice the sale price of one unit before member discounts
 * @param paid what the line costs after every discount, the member's vouchers included
 * @param line the line itself
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record PaidLine(int index, String sku, @Nullable String category, Set<String> tags,
    int quantity,
    Money listPrice, Money salePrice, Money paid, Line line) {

  /** Whether the line carries {@code tag}. */
  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }
}
