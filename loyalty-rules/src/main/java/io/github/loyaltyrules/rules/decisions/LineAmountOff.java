package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.rules.facts.SaleLine;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An amount off each unit of a line, or a fixed price for each unit, applied after the rates of
 * phases 2 and 3 (so on top of the member rate and the promotions) and before the multi-buys:
 * "20.00 off each scarf", "every umbrella 39.00". Several on one line apply in order of id; a
 * fixed price above what the unit already costs does nothing and is listed as not applied; the
 * line's floor holds.
 *
 * <p>Phase {@code pricing}. Thread-safety: immutable, safe to share.
 *
 * @param line the line's index
 * @param id the offer's id; the receipt shows {@code promotion:id}
 * @param amountPerUnit what comes off each unit; null with a fixed price
 * @param fixedUnitPrice what each unit costs; null with an amount
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record LineAmountOff(int line, String id, @Nullable Money amountPerUnit,
    @Nullable Money fixedUnitPrice)
    implements Decision {
  public LineAmountOff {
    Check.notBlank("LineAmountOff.id", id);
    if ((amountPerUnit == null) == (fixedUnitPrice == null)) {
      throw new InvalidValueException("LineAmountOff.amountPerUnit", amountPerUnit,
          "give either an amount per unit or a fixed unit price, not both or neither");
    }
    if (amountPerUnit != null && !amountPerUnit.isPositive()) {
      throw new InvalidValueException("LineAmountOff.amountPerUnit", amountPerUnit,
          "must be over 0");
    }
    if (fixedUnitPrice != null && fixedUnitPrice.isNegative()) {
      throw new InvalidValueException("LineAmountOff.fixedUnitPrice", fixedUnitPrice,
          "must not be negative");
    }
  }

  /** {@code amount} off each unit of {@code line}. */
  public static LineAmountOff perUnit(SaleLine line, String id, Money amount) {
    return new LineAmountOff(line.index(), id, amount, null);
  }

  /** Each unit of {@code line} for {@code price}. */
  public static LineAmountOff fixedPrice(SaleLine line, String id, Money price) {
    return new LineAmountOff(line.index(), id, null, price);
  }
}
