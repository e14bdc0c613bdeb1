package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.rules.facts.SaleLine;
import java.math.BigDecimal;

/** Standard wording of reasons, shared by the decisions' factories. Stateless. */
final class Explain {
  private Explain() {}

  /** {@code 0.85} as {@code "85 %"}. */
  static String percent(BigDecimal share) {
    return share.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }

  static String deepMarkdown(SaleLine line, BigDecimal minimum) {
    return "markdown deeper than " + percent(minimum) + ": sale price " + line.salePrice()
        + " is under " + percent(minimum) + " of the list price " + line.listPrice();
  }
}
