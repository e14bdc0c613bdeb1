package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.math.BigDecimal;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Money the member recharged onto the card (储值, DOMAIN.md §2) and the storewide member rate the
 * recharge ladder gave them, which pricing uses.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param balance what is left to spend; never negative
 * @param memberRate the price factor earned by recharging (0.88 means 88 % of the price), or null
 *     when no step of the ladder was reached
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record StoredValue(Money balance, @Nullable BigDecimal memberRate) {

  public StoredValue {
    Check.notNull("storedValue.balance", balance);
    if (balance.isNegative()) {
      throw new InvalidValueException("storedValue.balance", balance, "must not be negative");
    }
    if (memberRate != null
        && (memberRate.signum() < 0 || memberRate.compareTo(BigDecimal.ONE) > 0)) {
      throw new InvalidValueException("storedValue.memberRate", memberRate.toPlainString(),
          "must be from 0 to 1 (0.88 means 88 % of the price)");
    }
  }
}
