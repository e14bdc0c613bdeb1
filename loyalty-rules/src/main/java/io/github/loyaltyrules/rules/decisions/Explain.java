package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.rules.facts.SaleLine;
import java.math.BigDecimal;

/** Standard wording of reasons, shared by the decisions' factories. Stateless. */
final class Explain {
  private Explain() {}

  /** {@code 0.85} as {@code "85 %"}. */
  @SuppressWarnings("BigDecimalEquals") // a cache key: an equal value of another scale is a miss
  static String percent(BigDecimal share) {
    // the same few rates are named for every line of every sale: their text is kept, four
    // slots by the rate's hash; a slot is immutable, so any thread may read it whole
    int slot = share.hashCode() & (PERCENTS.length - 1);
    Shown known = PERCENTS[slot];
    if (known != null && known.share.equals(share)) {
      return known.text;
    }
    String text = share.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    PERCENTS[slot] = new Shown(share, text);
    return text;
  }

  private static final Shown[] PERCENTS = new Shown[4];

  /** A share and its text; equal shares (same value and scale) have the same text. */
  private record Shown(BigDecimal share, String text) {}

  static String deepMarkdown(SaleLine line, BigDecimal minimum) {
    return "markdown deeper than " + percent(minimum) + ": sale price " + line.salePrice()
        + " is under " + percent(minimum) + " of the list price " + line.listPrice();
  }
}
