package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * A voucher issued by converting points (DOMAIN.md §2: 3,000 points → 300 yuan).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param code deterministic: {@code V-} + the transaction (or assessment) id + its number within
 *     it
 * @param value what it is worth
 * @param issuedOn business date of issue
 * @param validUntil the last day it can be spent
 * @param status where it stands
 * @param points the points it cost
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Voucher(String code, Money value, LocalDate issuedOn, LocalDate validUntil,
    VoucherStatus status, long points) {

  public Voucher {
    Check.notBlank("voucher.code", code);
    Check.notNull("voucher.value", value);
    if (!value.isPositive()) {
      throw new InvalidValueException("voucher.value", value, "must be positive");
    }
    Check.notNull("voucher.issuedOn", issuedOn);
    Check.notNull("voucher.validUntil", validUntil);
    if (validUntil.isBefore(issuedOn)) {
      throw new InvalidValueException("voucher.validUntil", validUntil,
          "must not be before the issue date " + issuedOn + " (voucher " + code + ")");
    }
    Check.notNull("voucher.status", status);
    if (points < 0) {
      throw new InvalidValueException("voucher.points", points, "must not be negative");
    }
  }

  /** This voucher with another status. */
  public Voucher withStatus(VoucherStatus newStatus) {
    return new Voucher(code, value, issuedOn, validUntil, newStatus, points);
  }
}
