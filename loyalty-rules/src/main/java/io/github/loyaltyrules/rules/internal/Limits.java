package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.EvaluationLimits;
import java.math.BigDecimal;

/**
 * The programme's limits on what one transaction may carry (see {@link EvaluationLimits}),
 * checked before any rule runs so that no amount or count beyond them reaches the settlers.
 *
 * <p>Thread-safety: stateless, thread-safe.
 */
final class Limits {
  private Limits() {}

  static void check(EvaluationLimits limits, Transaction t) {
    if (t.lines().size() > limits.maxLinesPerSale()) {
      throw new InvalidValueException("transaction.lines", t.lines().size() + " lines",
          "must be at most " + limits.maxLinesPerSale() + " (limits.maxLinesPerSale)");
    }
    BigDecimal max = limits.maxAmount();
    BigDecimal goods = BigDecimal.ZERO;
    for (int i = 0; i < t.lines().size(); i++) {
      Line l = t.lines().get(i);
      String at = "transaction.lines[" + i + "]";
      if (l.quantity() > limits.maxUnitsPerLine()) {
        throw new InvalidValueException(at + ".quantity", l.quantity(), "must be at most "
            + limits.maxUnitsPerLine() + " (limits.maxUnitsPerLine)");
      }
      BigDecimal atList = l.listPrice().amount().multiply(BigDecimal.valueOf(l.quantity()));
      BigDecimal atSale = l.unitPrice().amount().multiply(BigDecimal.valueOf(l.quantity()));
      amount(at + ".listPrice", atList, max, "the line at list price");
      amount(at + ".unitPrice", atSale, max, "the line at sale price");
      goods = goods.add(atSale);
    }
    amount("transaction.lines", goods, max, "the goods in total");
    for (int i = 0; i < t.tenders().size(); i++) {
      Tender tender = t.tenders().get(i);
      amount("transaction.tenders[" + i + "].amount", tender.amount().amount(), max,
          "a tender");
    }
    if (t.recharge() != null) {
      amount("transaction.recharge", t.recharge().amount(), max, "a recharge");
    }
    if (Math.abs(t.points()) > limits.maxPointsPerTransaction()) {
      throw new InvalidValueException("transaction.points", t.points(), "must be at most "
          + limits.maxPointsPerTransaction() + " either way (limits.maxPointsPerTransaction)");
    }
  }

  private static void amount(String field, BigDecimal amount, BigDecimal max, String what) {
    if (amount.compareTo(max) > 0) {
      throw new InvalidValueException(field, amount.toPlainString(), what + " must be at most "
          + max.toPlainString() + " (limits.maxAmount)");
    }
  }

  /** Refuses points beyond the limit that a sale, an event or a recharge would earn. */
  static void earned(EvaluationLimits limits, long points, String what) {
    if (points > limits.maxPointsPerTransaction()) {
      throw new io.github.loyaltyrules.RefusedException(what + " would earn " + points
          + " points, more than the programme's limit of " + limits.maxPointsPerTransaction()
          + " per transaction (limits.maxPointsPerTransaction)");
    }
  }
}
