package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Something a customer did at a store: a sale, a return, a recharge of stored value, or a visit
 * without purchase. The transaction's {@code time} decides its business date (in the programme's
 * time zone), so replaying old transactions gives the decisions they had then.
 *
 * <p>What each kind needs, checked when built:
 * <ul>
 *   <li>{@code SALE}: at least one line;</li>
 *   <li>{@code RETURN}: the returned lines, and the id and time of the original sale (the return
 *       takes spend back from the window of the original sale);</li>
 *   <li>{@code RECHARGE}: a positive {@code recharge} amount and no lines;</li>
 *   <li>{@code VISIT}: no lines, tenders or amount.</li>
 * </ul>
 * All amounts are in one currency.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id unique per transaction in the host system
 * @param kind what happened
 * @param time when it happened
 * @param storeId the store
 * @param associateId the associate who served the customer, if any
 * @param lines goods sold or returned
 * @param tenders how it was paid
 * @param recharge the stored value added, for a {@code RECHARGE}
 * @param originalSaleId for a {@code RETURN}: the sale the goods came from
 * @param originalSaleTime for a {@code RETURN}: when that sale happened
 * @param buysCard for a {@code SALE} under a paid-card programme: the customer agreed to buy the
 *     card with this purchase
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Transaction(
    String id,
    TransactionKind kind,
    Instant time,
    String storeId,
    String associateId,
    List<Line> lines,
    List<Tender> tenders,
    Money recharge,
    String originalSaleId,
    Instant originalSaleTime,
    boolean buysCard) {

  public Transaction {
    Check.notBlank("transaction.id", id);
    Check.notNull("transaction.kind", kind);
    Check.notNull("transaction.time", time);
    lines = Check.list("transaction.lines", lines);
    tenders = Check.list("transaction.tenders", tenders);
    switch (kind) {
      case SALE -> requireLines(kind, lines);
      case RETURN -> {
        requireLines(kind, lines);
        Check.notBlank("transaction.originalSaleId", originalSaleId);
        Check.notNull("transaction.originalSaleTime", originalSaleTime);
        if (originalSaleTime.isAfter(time)) {
          throw new InvalidValueException("transaction.originalSaleTime", originalSaleTime,
              "must not be after the return's time " + time);
        }
      }
      case RECHARGE -> {
        Check.notNull("transaction.recharge", recharge);
        if (!recharge.isPositive()) {
          throw new InvalidValueException("transaction.recharge", recharge, "must be positive");
        }
        if (!lines.isEmpty()) {
          throw new InvalidValueException("transaction.lines", lines.size() + " lines",
              "must be empty for a RECHARGE");
        }
      }
      case VISIT -> {
        if (!lines.isEmpty() || !tenders.isEmpty() || recharge != null) {
          throw new InvalidValueException("transaction.kind", kind,
              "a VISIT has no lines, tenders or recharge amount");
        }
      }
      default -> throw new IllegalStateException("unhandled kind " + kind);
    }
    if (kind != TransactionKind.RECHARGE && recharge != null) {
      throw new InvalidValueException("transaction.recharge", recharge,
          "is only for a RECHARGE, not a " + kind);
    }
    if (kind != TransactionKind.RETURN && originalSaleId != null) {
      throw new InvalidValueException("transaction.originalSaleId", originalSaleId,
          "is only for a RETURN, not a " + kind);
    }
    if (kind != TransactionKind.RETURN && originalSaleTime != null) {
      throw new InvalidValueException("transaction.originalSaleTime", originalSaleTime,
          "is only for a RETURN, not a " + kind);
    }
    requireOneCurrency(lines, tenders, recharge);
  }

  private static void requireLines(TransactionKind kind, List<Line> lines) {
    if (lines.isEmpty()) {
      throw new InvalidValueException("transaction.lines", "[]",
          "a " + kind + " needs at least one line");
    }
  }

  private static void requireOneCurrency(List<Line> lines, List<Tender> tenders, Money recharge) {
    List<Currency> seen = new ArrayList<>();
    lines.forEach(l -> seen.add(l.listPrice().currency()));
    tenders.forEach(t -> seen.add(t.amount().currency()));
    if (recharge != null) {
      seen.add(recharge.currency());
    }
    for (int i = 1; i < seen.size(); i++) {
      if (!seen.get(i).equals(seen.get(0))) {
        throw new InvalidValueException("transaction", seen.get(i).getCurrencyCode(),
            "mixes currencies: " + seen.get(0).getCurrencyCode() + " first; every line, tender"
                + " and amount of one transaction must use the same currency");
      }
    }
  }

  /** A sale of {@code lines} with no tenders recorded. */
  public static Transaction sale(String id, Instant time, String storeId, List<Line> lines) {
    return new Transaction(id, TransactionKind.SALE, time, storeId, null, lines, List.of(), null,
        null, null, false);
  }

  /** A return of {@code lines} from the sale {@code originalSaleId} made at {@code saleTime}. */
  public static Transaction returnOf(String id, Instant time, String storeId,
      String originalSaleId, Instant saleTime, List<Line> lines) {
    return new Transaction(id, TransactionKind.RETURN, time, storeId, null, lines, List.of(),
        null, originalSaleId, saleTime, false);
  }

  /** A recharge of {@code amount} of stored value. */
  public static Transaction recharge(String id, Instant time, String storeId, Money amount) {
    return new Transaction(id, TransactionKind.RECHARGE, time, storeId, null, List.of(),
        List.of(), amount, null, null, false);
  }

  /** A visit without purchase. */
  public static Transaction visit(String id, Instant time, String storeId) {
    return new Transaction(id, TransactionKind.VISIT, time, storeId, null, List.of(), List.of(),
        null, null, null, false);
  }

  /** This transaction with the customer agreeing to buy the card. */
  public Transaction withCardPurchase() {
    return new Transaction(id, kind, time, storeId, associateId, lines, tenders, recharge,
        originalSaleId, originalSaleTime, true);
  }

  /** The currency of the amounts, or null for a visit. */
  public Currency currency() {
    if (recharge != null) {
      return recharge.currency();
    }
    return lines.isEmpty() ? null : lines.get(0).listPrice().currency();
  }

  /** Units across all lines. */
  public int itemCount() {
    int n = 0;
    for (Line l : lines) {
      n += l.quantity();
    }
    return n;
  }

  /**
   * The goods value: the sum of quantity times actual unit price over the lines (for a return,
   * the value returned, as a positive amount); the recharge for a {@code RECHARGE}; null for a
   * visit.
   */
  public Money goodsAmount() {
    if (recharge != null) {
      return recharge;
    }
    if (lines.isEmpty()) {
      return null;
    }
    Money total = Money.zero(currency());
    for (Line l : lines) {
      total = total.plus(l.amount());
    }
    return total;
  }
}
