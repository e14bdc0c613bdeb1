package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A payment made for a transaction: how, how much, and a reference where one exists (a voucher
 * code, a card authorisation).
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Tender(TenderKind kind, Money amount, @Nullable String reference) {

  public Tender {
    Check.notNull("tender.kind", kind);
    Check.notNull("tender.amount", amount);
    if (amount.isNegative()) {
      throw new InvalidValueException("tender.amount", amount, "must not be negative");
    }
  }

  public static Tender of(TenderKind kind, Money amount) {
    return new Tender(kind, amount, null);
  }
}
