package io.github.loyaltyrules.rules.facts;

import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One line of the sale being priced, as the till sent it: inserted for the {@code pricing}
 * phase (and kept for later phases).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param index the line's position in the sale, from 0; decisions name the line by it
 * @param sku the stock-keeping unit
 * @param category the merchandise category; may be null
 * @param tags the line's tags, e.g. {@code NEW_ARRIVAL}
 * @param quantity units
 * @param listPrice the list price of one unit
 * @param salePrice the sale (markdown) price of one unit, before member discounts
 * @param amount {@code salePrice × quantity}
 * @param markdownRatio {@code salePrice / listPrice} to 4 places (1 when not marked down or the
 *     list price is zero); the 折上折 gate compares it with the programme's minimum
 * @param line the line itself
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record SaleLine(int index, String sku, @Nullable String category, Set<String> tags,
    int quantity,
    Money listPrice, Money salePrice, Money amount, BigDecimal markdownRatio, Line line) {

  /** The fact for line {@code index} of a sale. */
  public static SaleLine of(int index, Line line) {
    BigDecimal list = line.listPrice().amount();
    BigDecimal sale = line.unitPrice().amount();
    BigDecimal ratio = list.signum() == 0 || sale.compareTo(list) >= 0 ? BigDecimal.ONE
        : sale.divide(list, 4, RoundingMode.DOWN);
    return new SaleLine(index, line.sku(), line.category(), line.tags(), line.quantity(),
        line.listPrice(), line.unitPrice(), line.amount(), ratio, line);
  }

  /** Whether the line carries {@code tag}. */
  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }

  /** Whether the sale price is under the list price. */
  public boolean isMarkedDown() {
    return salePrice.compareTo(listPrice) < 0;
  }

  /**
   * Whether the sale price is at least {@code minimum} of the list price (inclusive, exact): the
   * 折上折 gate. A line that is not marked down always passes.
   */
  public boolean saleAtLeast(BigDecimal minimum) {
    return !isMarkedDown()
        || salePrice.amount().compareTo(listPrice.amount().multiply(minimum)) >= 0;
  }

  /**
   * As {@link #saleAtLeast(BigDecimal)} with {@code minimum}, or {@code otherwise} when
   * {@code minimum} is null (a promotion's own gate, else the programme's).
   */
  public boolean saleAtLeast(BigDecimal minimum, BigDecimal otherwise) {
    return saleAtLeast(minimum != null ? minimum : otherwise);
  }
}
