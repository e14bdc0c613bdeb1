package io.github.loyaltyrules.insight;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.TransactionKind;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.RefundCalculated;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A transaction and the member who made it, as the reports read the host's sales: a
 * {@link Transaction} names no member, so the host pairs them (its sales table has both).
 *
 * <p>Only sales and returns count in the reports; other kinds are skipped. A sale's amount is
 * what the customer paid for the goods after pricing, as the engine's {@code BasketPriced} total
 * says (vouchers not counted, as for qualifying spend); a return's is what was refunded. When
 * the host has no outcome at hand, {@link #of(String, Transaction)} takes the goods at their sale
 * prices, before member rates and promotions.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param memberId the member (the profile's id)
 * @param transaction the transaction
 * @param paid for a sale what was paid, for a return what was refunded, as a positive amount;
 *     null to take the transaction's goods amount at sale prices
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record MemberTransaction(String memberId, Transaction transaction, @Nullable Money paid) {

  public MemberTransaction {
    Check.notBlank("memberTransaction.memberId", memberId);
    Check.notNull("memberTransaction.transaction", transaction);
    if (paid != null && paid.isNegative()) {
      throw new InvalidValueException("memberTransaction.paid", paid,
          "must not be negative (a return's refund is given as a positive amount)");
    }
  }

  /** {@code transaction} of {@code memberId}, its goods at sale prices. */
  public static MemberTransaction of(String memberId, Transaction transaction) {
    return new MemberTransaction(memberId, transaction, null);
  }

  /**
   * {@code transaction} as the engine decided it in {@code outcome}: the member of the outcome's
   * state, and the priced total of a sale or the refund of a return.
   */
  public static MemberTransaction of(Transaction transaction, Outcome outcome) {
    Check.notNull("outcome", outcome);
    Money paid = outcome.effect(BasketPriced.class).map(BasketPriced::total)
        .or(() -> outcome.effect(RefundCalculated.class).map(RefundCalculated::refund))
        .orElse(null);
    return new MemberTransaction(outcome.state().memberId(), transaction,
        paid != null && paid.isNegative() ? paid.negate() : paid);
  }

  /** Whether it is a sale. */
  public boolean isSale() {
    return transaction.kind() == TransactionKind.SALE;
  }

  /** Whether it is a return. */
  public boolean isReturn() {
    return transaction.kind() == TransactionKind.RETURN;
  }

  /** What was paid or refunded: {@link #paid}, else the goods at sale prices; null for a visit. */
  public @Nullable Money amount() {
    return paid != null ? paid : transaction.goodsAmount();
  }

  /** The business date in {@code zone}. */
  public LocalDate date(ZoneId zone) {
    return transaction.time().atZone(zone).toLocalDate();
  }
}
